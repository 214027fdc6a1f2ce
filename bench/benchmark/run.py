"""The order of a benchmark run: data (optionally generated, timed), the in-process query counts, the web server and
the load on each page, then the timed jobs, and the report. Every process it starts is stopped at the end."""

import dataclasses
import shutil
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from api.models import ApiToken
from monitoring.models import Actual

from . import figures, machine, pages, queries, server, timings, wrk
from .report import Row, Run

ISSUE_SIZE = {"factor": 1.0, "connections": 16, "duration": "60s"}
WARM_UP = 4  # requests per page before the load (each worker loads its templates, caches fill)


@dataclasses.dataclass
class Options:
    username: str
    password: str
    factor: float | None = None
    seed: int = 1
    connections: int = 16
    duration: str = "60s"
    search: str = ""
    skip: frozenset = frozenset()  # of "pages", "pdf", "iati", "nightly"
    static_root: Path | None = None  # static files collected already (with the production settings)
    suite: bool = False  # time `python3 dev.py test` too (minutes)
    command: str = "manage.py benchmark"


class BenchmarkError(Exception):
    pass


def run(options: Options, say: Callable[[str], None]) -> Run:
    load_before = machine.load_average()
    started = timezone.now()
    commit = machine.git_commit()  # the code measured: what this process loaded, whatever is committed meanwhile
    tmp = Path(tempfile.mkdtemp(prefix="msp-bench-"))
    try:
        return _run(options, say, tmp, load_before, started, commit)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(options, say, tmp, load_before, started, commit) -> Run:
    secret_key = server.throwaway_secret_key()
    env = server.production_env(secret_key=secret_key, tmp=tmp)
    if options.static_root is not None:
        env["STATIC_ROOT"] = str(options.static_root)
    # This process signs sessions too (the query counts sign in in-process) and may run without a key of its own
    # (DEBUG off, none set): it takes the servers' throwaway key, for this run only.
    settings.SECRET_KEY = secret_key
    timed = {}
    if options.factor is not None:
        say("Migrating the database ...")
        server.manage("migrate", "--no-input", env=env)
        say(f"Generating the data (factor {options.factor}) ...")
        timed["generator"] = timings.generator(options.factor, options.seed, options.password, env)
        if timed["generator"].error:
            raise BenchmarkError(f"The data generator failed: {timed['generator'].error}")
    user = get_user_model().objects.filter(username=options.username).first()
    if user is None:
        raise BenchmarkError(f"There is no user {options.username!r} (see --user; generate data with --factor).")
    partnership = pages.largest_partnership(user)
    if partnership is None:
        raise BenchmarkError(f"{options.username} runs no partnership (the benchmark signs in as secretariat).")
    word = options.search or pages.search_word(partnership)
    page_list = pages.key_pages(partnership.pk, word)
    rows = [Row(page) for page in page_list]
    floor_p50s = []
    if "pages" not in options.skip:
        rows, floor_p50s = _pages(options, say, tmp, env, user, page_list)
    files = tmp / "files"
    if "pdf" not in options.skip:
        say("Timing the donor report PDF and the checklist PDF ...")
        timed["donor_pdf"] = timings.donor_report(partnership, user, files)
        timed["checklist_pdf"] = timings.checklist_pdf(partnership, files)
    if "iati" not in options.skip:
        say("Timing the IATI files of every partnership ...")
        timed["iati"] = timings.iati_files()
    if "nightly" not in options.skip:
        for workers in (1, 2):
            say(f"Timing the nightly checklist evaluation with {workers} Celery worker process(es) ...")
            timed[f"nightly_{workers}"] = timings.nightly(workers, env=env, tmp=tmp)
    if options.suite:
        say("Timing the test suite (python3 dev.py test, on the embedded default) ...")
        timed["suite"] = timings.suite()
    for key in TIMING_LABELS:
        timed.setdefault(key, timings.Timed(note="not run"))
    return Run(
        when=f"{started:%Y-%m-%d %H:%M} UTC",
        command=options.command,
        commit=commit,
        machine=machine.machine(),
        load=(load_before, machine.load_average()),
        setup=_setup(options, partnership, user, floor_p50s),
        counts=machine.data_counts(),
        rows=rows,
        timings=[(label, timed[key]) for key, label in TIMING_LABELS.items()],
        figures=figures.figures(rows, timed, connections=options.connections, duration=options.duration),
        notes=_notes(options, rows),
    )


TIMING_LABELS = {
    "generator": "Data generator (manage.py generate_data)",
    "donor_pdf": "Donor report PDF of the largest partnership",
    "checklist_pdf": "Checklist PDF",
    "iati": "IATI files of all partnerships",
    "nightly_1": "Nightly evaluation, one worker",
    "nightly_2": "Nightly evaluation, two workers",
    "suite": "The test suite (python3 dev.py test)",
}


def _pages(options, say, tmp, env, user, page_list):
    token, api_key = ApiToken.issue(user, "benchmark (deleted after the run)")
    try:
        if options.static_root is None:
            say("Collecting static files for the production settings ...")
            server.manage("collectstatic", "--no-input", "-v0", env=env)
        say("Counting queries per request (in-process) ...")
        counted = queries.count_queries(page_list, user=user, api_key=api_key, static_root=env["STATIC_ROOT"])
        with server.gunicorn(env=env, tmp=tmp) as base:
            say(f"gunicorn is up at {base}; loading each page for {options.duration} ...")
            return _load(options, say, tmp, base, page_list, counted, api_key)
    finally:
        token.delete()


def _load(options, say, tmp, base, page_list, counted, api_key):
    browser = server.Browser(base)
    browser.sign_in(options.username, options.password)
    script = tmp / "bench.lua"
    script.write_text(wrk.LUA_SCRIPT)
    floor, *others = page_list
    results = {}
    for position, page in enumerate([floor, *others, floor]):
        headers = [("Accept-Language", "en")]
        headers.append(("Authorization", f"Bearer {api_key}") if page.api else ("Cookie", browser.cookie_header()))
        row = Row(page, queries=counted[page.key].queries)
        for _ in range(WARM_UP):
            status, body = server.Browser(base).get(page.path, headers=dict(headers))
        row.size = len(body)
        if status != 200 or counted[page.key].status != 200:
            row.errors, row.note = 1, f"answers {status} (in-process: {counted[page.key].status})"
        else:
            result, _output = wrk.run(
                base + page.path, connections=options.connections, duration=options.duration, script=script,
                headers=headers,
            )  # fmt: skip
            row.requests_per_second, row.p50_ms, row.p95_ms = result.requests_per_second, result.p50_ms, result.p95_ms
            row.errors = result.errors
        say(f"  {page.label}: {row.p50_ms or 0:.1f} ms p50, {row.requests_per_second or 0:.0f}/s, {row.errors} errors")
        results.setdefault(page.key, []).append((position, row))
    floor_rows = [row for _, row in results.pop(floor.key)]
    floor_row = _mean_floor(floor, floor_rows)
    rows = [floor_row] + [results[p.key][0][1] for p in others]
    for row in rows[1:]:
        row.ratio = figures.ratio(row.p50_ms, floor_row.p50_ms)
    return rows, [r.p50_ms for r in floor_rows]


def _mean_floor(page, floor_rows) -> Row:
    """The floor, measured first and last: the mean of both (a drift in the machine's load shows, and is halved)."""

    def mean(field):
        values = [getattr(r, field) for r in floor_rows if getattr(r, field) is not None]
        return statistics.mean(values) if values else None

    return Row(
        page, mean("requests_per_second"), mean("p50_ms"), mean("p95_ms"), floor_rows[0].queries,
        floor_rows[0].size, sum(r.errors for r in floor_rows),
    )  # fmt: skip


def _setup(options, partnership, user, floor_p50s) -> list[str]:
    values = Actual.objects.filter(period__indicator__partnership=partnership).count()
    members = partnership.memberships.aggregate(n=Count("pk"))["n"]
    data = (
        f"Data: made by the generator in this run (factor {options.factor:g}, seed {options.seed})."
        if options.factor is not None
        else "Data: as found in the database (no --factor: the generator was not run)."
    )
    floors = " and ".join(f"{p:.1f} ms" for p in floor_p50s if p is not None) or "not measured"
    return [
        data,
        f"Partnership of the partnership pages: “{partnership.name}” (#{partnership.pk}), the largest the user runs "
        f"({values:,} indicator values, {members:,} members).",
        f"Signed in as {user.get_username()} through the sign-in form (a session cookie); the API with a personal "
        f"token of the same user.",
        f"Server: gunicorn, {server.WORKERS} sync workers, production settings (DEBUG off) on the same machine as "
        f"the database and the load tool; plain HTTP on 127.0.0.1, no second factor, API_RATE raised so the throttle "
        f"never refuses.",
        f"Load: wrk, {options.connections} connections for {options.duration} per page, one page after the other "
        f"(after {WARM_UP} warm-up requests each). Floor: the password-change page, measured first and last "
        f"(p50 {floors}); its row shows the mean of both, which the ratios use.",
        "Queries: counted in-process (Django's test client on the same database), the second of two requests. "
        "Size: one answer over HTTP, uncompressed.",
    ]


def _notes(options, rows) -> list[str]:
    notes = []
    size = {"factor": options.factor, "connections": options.connections, "duration": options.duration}
    if options.factor is None:  # data made earlier: its counts above say its size
        size["factor"] = ISSUE_SIZE["factor"]
    if size != ISSUE_SIZE:
        notes.append(
            "Not the issue's size (factor 1, 16 connections, 60 s per page): the verdicts are indicative only."
        )
    notes += [f"{row.page.label}: {row.note}" for row in rows if row.note]
    return notes


def failures(run: Run) -> list[str]:
    """What makes the command fail whatever the figures: pages that did not answer 200, timed jobs that failed."""
    found = [f"{row.page.label}: {row.errors} errors" for row in run.rows if row.errors]
    found += [f"{label}: {t.error}" for label, t in run.timings if t.error]
    return found
