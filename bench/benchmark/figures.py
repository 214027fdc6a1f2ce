"""The issue's figures (issue 17, "Figures to reach at the default size") checked against one run: each a line with
what was measured and PASS or MISS. Queries per request: this run's count of every page against the count pinned at
two small sizes (pages.QUERIES, tests/bench/test_key_page_queries.py). The suite's time only with --suite (it takes
minutes): named, no verdict, otherwise."""

import dataclasses

from .pages import QUERIES

PAGE_RATIO = 5.0  # a key page's p50 within 5 times the floor's
API_RATIO = 5.0
LARGEST_PAGE_BYTES = 300 * 1000
DONOR_PDF_SECONDS = 5.0
CHECKLIST_PDF_SECONDS = 2.0
IATI_SECONDS = 30.0
NIGHTLY_SECONDS = 60.0
NIGHTLY_SCALING = 0.7  # two workers take at most 0.7 times as long as one
SUITE_SECONDS = 5 * 60
SUITE_FIGURE = "The suite under 5 minutes on two cores"

PASS, MISS = "PASS", "MISS"


@dataclasses.dataclass
class Figure:
    name: str
    measured: str
    verdict: str | None  # PASS, MISS, or None (not measured by this run)


def ratio(p50_ms, floor_p50_ms) -> float | None:
    """A page's p50 as a multiple of the floor's; None when either is unknown (or the floor is 0)."""
    if p50_ms is None or not floor_p50_ms:
        return None
    return p50_ms / floor_p50_ms


def verdict(ok) -> str:
    return PASS if ok else MISS


def _seconds(timed):
    return "failed: " + timed.error if timed.seconds is None else f"{timed.seconds:.2f} s"


def _not_run(timed) -> bool:
    return timed.seconds is None and not timed.error


def _under(name, timed, limit) -> Figure:
    if _not_run(timed):
        return Figure(f"{name} under {limit:g} s", "not run", None)
    ok = timed.seconds is not None and not timed.error and timed.seconds < limit
    return Figure(f"{name} under {limit:g} s", _seconds(timed), verdict(ok))


QUERIES_FIGURE = "Queries per request independent of data size"


def _queries(rows) -> Figure:
    """Each page's count in this run against the count tests/bench/test_key_page_queries.py pins at two generated
    sizes (pages.QUERIES): the same count at this run's size makes three sizes."""
    counted = {r.page.key: r.queries for r in rows if r.queries is not None}
    if not counted:
        return Figure(QUERIES_FIGURE, "not counted", None)
    differ = [
        f"{r.page.label}: {r.queries} (pinned {QUERIES.get(r.page.key, 'none')})"
        for r in rows
        if r.queries is not None and r.queries != QUERIES.get(r.page.key)
    ]
    if differ:
        return Figure(QUERIES_FIGURE, "; ".join(differ), MISS)
    return Figure(QUERIES_FIGURE, f"every page as pinned at 1 and 4 partnerships ({len(counted)} pages)", PASS)


def figures(rows, timings, *, connections, duration) -> list[Figure]:
    """`rows`: the measured pages (report.Row, the floor's included); `timings`: {key: timings.Timed}."""
    found = []
    pages = [r for r in rows if not r.page.floor]
    for row in pages:
        limit = API_RATIO if row.page.api else PAGE_RATIO
        shown = "no figure" if row.ratio is None else f"{row.ratio:.1f}× the floor"
        ok = row.ratio is not None and row.ratio <= limit
        found.append(Figure(f"{row.page.label}: p50 within {limit:g}× the floor", shown, verdict(ok)))
    errors = {r.page.label: r.errors for r in rows if r.errors}
    shown = ", ".join(f"{label}: {n}" for label, n in errors.items()) or "none"
    found.append(
        Figure(f"No errors under {connections} clients for {duration} (every page)", shown, verdict(not errors))
    )
    html = [r for r in rows if not r.page.api and r.size is not None]
    if html:
        largest = max(html, key=lambda r: r.size)
        shown = f"{largest.page.label}: {largest.size / 1000:.0f} KB"
        found.append(Figure("Largest HTML page under 300 KB", shown, verdict(largest.size < LARGEST_PAGE_BYTES)))
    found.append(_queries(pages))
    found.append(_under("Donor report PDF of the largest partnership", timings["donor_pdf"], DONOR_PDF_SECONDS))
    found.append(_under("Checklist PDF", timings["checklist_pdf"], CHECKLIST_PDF_SECONDS))
    found.append(_under("IATI files of all partnerships", timings["iati"], IATI_SECONDS))
    one, two = timings["nightly_1"], timings["nightly_2"]
    found.append(_under("Nightly evaluation, one worker", one, NIGHTLY_SECONDS))
    if _not_run(one) and _not_run(two):
        found.append(Figure(f"Two workers at most {NIGHTLY_SCALING:g}× one's time", "not run", None))
    elif one.seconds and two.seconds is not None and not (one.error or two.error):
        share = two.seconds / one.seconds
        shown = f"{two.seconds:.2f} s = {share:.2f}× one worker's"
        found.append(
            Figure(f"Two workers at most {NIGHTLY_SCALING:g}× one's time", shown, verdict(share <= NIGHTLY_SCALING))
        )
    else:
        found.append(Figure(f"Two workers at most {NIGHTLY_SCALING:g}× one's time", _seconds(two), MISS))
    if _not_run(timings["suite"]):
        found.append(Figure(SUITE_FIGURE, "not run (manage.py benchmark --suite)", None))
    else:
        ok = timings["suite"].seconds is not None and timings["suite"].seconds < SUITE_SECONDS
        found.append(Figure(SUITE_FIGURE, _seconds(timings["suite"]), verdict(ok)))
    return found
