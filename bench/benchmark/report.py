"""The run as a table on the terminal and as docs/performance.md.

The file's generated part sits between BEGIN and END and is the only part a run rewrites: the title, the notes
above it and the "Before and after" section (the fixes, written by people) are kept as they are.
"""

import dataclasses
from pathlib import Path

from .figures import Figure
from .pages import Page

BEGIN = "<!-- benchmark:begin: written by `manage.py benchmark`; edit outside these markers only -->"
END = "<!-- benchmark:end -->"
BEFORE_AFTER = "## Before and after"

NEW_FILE_HEAD = """# Performance

What `manage.py benchmark` measured (README, "Performance"): the figures below are written by the command, never by
hand. The figures to reach are issue 17's; at another size than the default (factor 1, 16 connections for 60 s) the
verdicts are only indicative.

"""
NEW_BEFORE_AFTER = f"""{BEFORE_AFTER}

Each fix of a missed figure: what was slow and why (the profile), what changed, and the figure before and after (two
runs of the benchmark on the same machine). The command keeps this section as it is.
"""


@dataclasses.dataclass
class Row:
    page: Page
    requests_per_second: float | None = None
    p50_ms: float | None = None
    p95_ms: float | None = None
    queries: int | None = None
    size: int | None = None  # bytes of one answer over HTTP
    errors: int = 0
    ratio: float | None = None
    note: str = ""


@dataclasses.dataclass
class Run:
    when: str
    command: str
    commit: str
    machine: dict[str, str]
    load: tuple[str, str]  # load average before and after
    setup: list[str]  # sentences: server, load tool, partnership, user
    counts: list[tuple[str, int]]
    rows: list[Row]
    timings: list[tuple[str, object]]  # (label, timings.Timed)
    figures: list[Figure]
    notes: list[str] = dataclasses.field(default_factory=list)


def _number(value, digits=1, empty="–") -> str:
    if value is None:
        return empty
    return f"{value:,.{digits}f}" if isinstance(value, float) else f"{value:,}"


def _cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def page_cells(row: Row) -> list[str]:
    return [
        row.page.label,
        _number(row.requests_per_second),
        _number(row.p50_ms),
        _number(row.p95_ms),
        "floor" if row.page.floor else _number(row.ratio),
        _number(row.queries),
        _number(None if row.size is None else row.size / 1000, 0),
        _number(row.errors),
    ]


PAGE_HEADINGS = ["Page", "Requests/s", "p50 ms", "p95 ms", "× floor p50", "Queries", "Size KB", "Errors"]
TIMING_HEADINGS = ["What", "Seconds", "Note"]
FIGURE_HEADINGS = ["Figure", "Measured", "Verdict"]


def timing_cells(label, timed) -> list[str]:
    seconds = "failed" if timed.seconds is None and timed.error else _number(timed.seconds, 2)
    note = "; ".join(part for part in (timed.note, timed.error) if part)
    return [label, seconds, note]


def figure_cells(figure: Figure) -> list[str]:
    return [figure.name, figure.measured, figure.verdict or "–"]


def markdown_table(headings, rows) -> str:
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def text_table(headings, rows) -> str:
    rows = [[str(c) for c in row] for row in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headings)]

    def line(cells):
        first, *rest = cells
        return "  ".join([first.ljust(widths[0])] + [c.rjust(w) for c, w in zip(rest, widths[1:], strict=True)])

    return "\n".join([line(headings), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def markdown(run: Run) -> str:
    """The generated part of docs/performance.md, markers included."""
    machine = [[name, value] for name, value in run.machine.items()]
    machine.append(["Load average (1, 5, 15 min)", f"{run.load[0]} before the run; {run.load[1]} after"])
    parts = [
        BEGIN,
        "## Latest run",
        f"Run on {run.when}, commit {run.commit}: `{run.command}`",
        markdown_table(["Machine", "This run"], machine),
        "\n".join(f"- {sentence}" for sentence in run.setup),
        "### Data",
        markdown_table(["What", "Count"], [[label, f"{n:,}"] for label, n in run.counts]),
        "### Pages",
        markdown_table(PAGE_HEADINGS, [page_cells(r) for r in run.rows]),
        "### Timings",
        markdown_table(TIMING_HEADINGS, [timing_cells(label, t) for label, t in run.timings]),
        "### Figures",
        markdown_table(FIGURE_HEADINGS, [figure_cells(f) for f in run.figures]),
    ]
    if run.notes:
        parts += ["### Notes", "\n".join(f"- {note}" for note in run.notes)]
    return "\n\n".join(parts + [END])


def text(run: Run) -> str:
    """The same, for the terminal."""
    parts = [
        f"Benchmark, {run.when}, commit {run.commit}",
        *(f"{name}: {value}" for name, value in run.machine.items()),
        f"Load average (1, 5, 15 min): {run.load[0]} before the run; {run.load[1]} after",
        *run.setup,
        "",
        text_table(["What", "Count"], [[label, f"{n:,}"] for label, n in run.counts]),
        "",
        text_table(PAGE_HEADINGS, [page_cells(r) for r in run.rows]),
        "",
        text_table(TIMING_HEADINGS, [timing_cells(label, t) for label, t in run.timings]),
        "",
        text_table(FIGURE_HEADINGS, [figure_cells(f) for f in run.figures]),
    ]
    if run.notes:
        parts += ["", *run.notes]
    return "\n".join(parts)


def updated(existing: str | None, block: str) -> str:
    """`existing` (the file's text, or None) with its generated part replaced by `block`; everything else kept. A
    file without markers gets the block before its "Before and after" section (or at its end); a file without that
    section gets one, empty, at its end."""
    if not existing or not existing.strip():
        return NEW_FILE_HEAD + block + "\n\n" + NEW_BEFORE_AFTER
    begin, end = existing.find(BEGIN), existing.find(END)
    if begin != -1 and end > begin:
        text = existing[:begin] + block + existing[end + len(END) :]
    elif (at := existing.find(BEFORE_AFTER)) != -1:
        text = existing[:at] + block + "\n\n" + existing[at:]
    else:
        text = existing.rstrip("\n") + "\n\n" + block + "\n"
    if BEFORE_AFTER not in text:
        text = text.rstrip("\n") + "\n\n" + NEW_BEFORE_AFTER
    return text


def write(path: Path, run: Run):
    existing = path.read_text(encoding="utf-8") if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(updated(existing, markdown(run)), encoding="utf-8")
