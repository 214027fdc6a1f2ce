"""The benchmark behind `manage.py benchmark` (issue 17), by subject:

- `pages`: what is measured (the key pages, the API's list endpoints, the floor page) and on which partnership;
- `server`: the production-like web server (collectstatic, gunicorn with DEBUG off) and signing in over HTTP;
- `wrk`: the load tool (wrk, with a Lua script for p95 and non-200 answers) and its output parser;
- `queries`: queries per request and status, counted in-process with Django's test client;
- `timings`: the donor report PDF, the checklist PDF, the IATI files, the nightly evaluation and the generator;
- `figures`: the ratio to the floor and each figure of the issue as PASS or MISS;
- `machine`: the machine, the software and the data counts the run names;
- `report`: the printed table and docs/performance.md (only its generated part is rewritten);
- `run`: the order of it all.
"""
