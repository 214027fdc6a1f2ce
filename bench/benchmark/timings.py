"""What the benchmark times besides pages, each with the function production runs:

- the donor report PDF of the largest partnership: monitoring.reports.jobs.report_generate (the worker's job), on a
  report asked for the partnership's whole reporting span, in a transaction rolled back afterwards;
- the checklist PDF: phases.run_pdf.run_pdf_store (the worker's job) on a fresh run of that partnership (a stored
  PDF is never made twice, so an old run would time nothing), rolled back the same way;
- the IATI files: opendata.iati.activity_file of every partnership, one after the other;
- the nightly evaluation: phases.tasks.evaluate_all_active (what beat calls) queueing every active partnership to
  real Celery workers on Redis (prefork, concurrency 1, then 2), timed until every run is stored;
- the data generator: `manage.py generate_data` in a subprocess (wall clock).

Files rendered here go to a temporary folder; nothing of the PDFs stays in the database.
"""

import contextlib
import dataclasses
import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Min
from django.test.utils import override_settings
from django.utils import timezone

from monitoring.models import Period, ReportKind
from monitoring.reports import jobs
from msp.models import Partnership
from opendata import iati
from phases import evaluation, run_pdf, tasks
from phases.models import ChecklistRun, EvaluationRequest, RequestStatus, Trigger

from . import server


@dataclasses.dataclass
class Timed:
    seconds: float | None = None
    note: str = ""
    error: str = ""


class _Rollback(Exception):
    pass


@contextlib.contextmanager
def rolled_back():
    """A transaction undone at the end, whatever happens inside."""
    with contextlib.suppress(_Rollback), transaction.atomic():
        yield
        raise _Rollback


def _timed(work, note="") -> Timed:
    started = time.monotonic()
    try:
        work()
    except Exception as exc:  # a failure is a figure of the run, not the end of it
        return Timed(error=f"{type(exc).__name__}: {exc}"[:300], note=note)
    return Timed(time.monotonic() - started, note)


def donor_report(partnership, user, files) -> Timed:
    span = Period.objects.filter(indicator__partnership=partnership).aggregate(start=Min("start"), end=Max("end"))
    start, end = span["start"] or date(date.today().year, 1, 1), span["end"] or date.today()
    language = partnership.language or settings.LANGUAGE_CODE
    result = Timed()
    with override_settings(PRIVATE_MEDIA_ROOT=files), rolled_back():
        report = jobs.report_request(
            kind=ReportKind.DONOR, period_start=start, period_end=end, language=language, by=user,
            partnership=partnership,
        )  # fmt: skip
        result = _timed(lambda: jobs.report_generate(report.pk), f"{start} to {end}, {language}")
    return result


def checklist_pdf(partnership, files) -> Timed:
    language = partnership.language or settings.LANGUAGE_CODE
    result = Timed()
    with override_settings(PRIVATE_MEDIA_ROOT=files), rolled_back():
        request, _created = evaluation.queued_request(partnership=partnership, trigger=Trigger.MANUAL)
        run = evaluation.evaluation_run(request.pk)
        if run is None:
            return Timed(error="the partnership is being evaluated elsewhere")
        result = _timed(lambda: run_pdf.run_pdf_store(run_id=run.pk, language=language), language)
    return result


def iati_files() -> Timed:
    partnerships = list(Partnership.objects.order_by("pk"))
    sizes = []

    def build():
        for partnership in partnerships:
            sizes.append(len(iati.activity_file(partnership, iati.activity_identifier(partnership))))

    result = _timed(build)
    result.note = f"{len(sizes)} partnerships, {sum(sizes) / 1_000_000:.1f} MB"
    return result


# What `python3 dev.py test` runs on: the embedded default (SQLite), as the README's test command on a fresh machine.
SUITE_UNSET = ("DATABASE_URL", "REDIS_URL", "MSP_CI", "DJANGO_SETTINGS_MODULE")


def suite(*, timeout=3600) -> Timed:
    """`python3 dev.py test` as the README gives it (its own defaults: every core), on the embedded default: the
    wall clock, and pytest's summary line in the note."""
    env = {k: v for k, v in os.environ.items() if k not in SUITE_UNSET}
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, str(Path(settings.BASE_DIR) / "dev.py"), "test", "-q"],
            env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return Timed(error=f"still running after {timeout} s")
    seconds = time.monotonic() - started
    lines = [line.strip("= ") for line in done.stdout.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    summary = lines[-1] if lines else "no summary"
    if done.returncode != 0:
        return Timed(error=f"exit {done.returncode}: {summary}"[:300])
    return Timed(seconds, f"SQLite (the embedded default), {os.cpu_count()} cores: {summary}")


def generator(factor, seed, password, env) -> Timed:
    """The generator's own figure (its last line, `generated in N s`: the data written, without the process's
    start); the wall clock of the whole command in the note."""
    args = ["generate_data", "--factor", str(factor), "--seed", str(seed), "--password", password]
    try:
        wall, output = server.manage(*args, env=env)
    except RuntimeError as exc:
        return Timed(error=str(exc)[-300:])
    found = re.search(r"generated in ([\d.]+) s", output)
    note = f"factor {factor:g}, seed {seed}; the command took {wall:.1f} s"
    return Timed(float(found.group(1)) if found else wall, note)


def nightly(workers, *, env, tmp, timeout=1800) -> Timed:
    """evaluate_all_active with `workers` Celery worker processes; until every active partnership has its run."""
    from msp.celery import app

    if not settings.REDIS_URL:
        return Timed(error="needs REDIS_URL (real Celery workers on Redis)")
    app.control.purge()  # tasks an earlier run left behind would count against this one
    log = tmp / f"celery-{workers}.log"
    args = [sys.executable, "-m", "celery", "-A", "msp", "worker", "--pool", "prefork", "--concurrency", str(workers)]
    args += ["--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "INFO"]
    args += ["--hostname", f"bench{workers}-{time.time_ns()}@%h"]
    with server.process(args, env=env, log=log) as worker:
        _wait_for(lambda: "ready." in log.read_text(), worker, log, 120, "the Celery worker did not start")
        expected = Partnership.objects.filter(archived_at__isnull=True).count()
        since = timezone.now()
        started = time.monotonic()
        tasks.evaluate_all_active()  # queues at commit: at once here (autocommit)

        def finished():
            runs = ChecklistRun.objects.filter(created_at__gte=since, trigger=Trigger.NIGHTLY).count()
            failed = EvaluationRequest.objects.filter(status=RequestStatus.FAILED, finished_at__gte=since).count()
            return runs + failed >= expected

        try:
            _wait_for(finished, worker, log, timeout, f"not every evaluation was done within {timeout} s")
        except RuntimeError as exc:
            return Timed(error=str(exc)[:300])
        seconds = time.monotonic() - started
    failed = EvaluationRequest.objects.filter(status=RequestStatus.FAILED, finished_at__gte=since).count()
    note = f"{expected} partnerships, Celery prefork concurrency {workers}"
    return Timed(seconds, note, f"{failed} evaluations failed" if failed else "")


def _wait_for(condition, worker, log, timeout, message):
    deadline = time.monotonic() + timeout
    while not condition():
        if worker.poll() is not None:
            raise RuntimeError(f"the Celery worker stopped:\n{log.read_text()[-1500:]}")
        if time.monotonic() > deadline:
            raise RuntimeError(message)
        time.sleep(0.2)
