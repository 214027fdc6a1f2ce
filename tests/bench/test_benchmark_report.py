"""docs/performance.md: a run rewrites only its generated part; the "Before and after" section (the fixes, written
by people) and anything else outside the markers stay as they were."""

from bench.benchmark import report
from bench.benchmark.figures import Figure
from bench.benchmark.pages import FLOOR, Page
from bench.benchmark.report import BEFORE_AFTER, BEGIN, END, Row, Run
from bench.benchmark.timings import Timed

FIX = f"""{BEFORE_AFTER}

### Organisation registry: an index on the name

Before: 8.5× the floor. After: 1.9× the floor.
"""


def a_run(p50=42.0, label="Dashboard | main") -> Run:
    floor = Row(Page(FLOOR, "Floor: password change", "/accounts/password_change/"), 100.0, 20.0, 30.0, 2, 9000)
    page = Row(Page("dashboard", label, "/partnerships/1/"), 40.0, p50, 80.0, 12, 37_000, ratio=p50 / 20.0)
    return Run(
        when="2026-11-30 18:00 UTC",
        command="manage.py benchmark --factor 1",
        commit="abc1234",
        machine={"CPU": "Test CPU, 2 cores", "RAM": "8 GB"},
        load=("1.00, 0.50, 0.25", "2.00, 1.00, 0.50"),
        setup=["Data: as found."],
        counts=[("Partnerships", 500)],
        rows=[floor, page],
        timings=[("Checklist PDF", Timed(1.234, "en")), ("IATI files", Timed(error="KeyError: 'x'"))],
        figures=[Figure("Dashboard: p50 within 5× the floor", "2.1× the floor", "PASS")],
        notes=["A note."],
    )


def test_a_new_file_has_the_run_and_an_empty_before_and_after_section(tmp_path):
    path = tmp_path / "docs" / "performance.md"
    report.write(path, a_run())
    text = path.read_text()
    assert text.startswith("# Performance")
    assert text.index(BEGIN) < text.index(END) < text.index(BEFORE_AFTER)
    assert "| Dashboard \\| main | 40.0 | 42.0 | 80.0 | 2.1 | 12 | 37 | 0 |" in text
    assert "| Floor: password change | 100.0 | 20.0 | 30.0 | floor | 2 | 9 | 0 |" in text
    assert "| Checklist PDF | 1.23 | en |" in text
    assert "| IATI files | failed | KeyError: 'x' |" in text
    assert "| Partnerships | 500 |" in text
    assert "commit abc1234" in text and "`manage.py benchmark --factor 1`" in text


def test_a_second_run_replaces_the_figures_and_keeps_the_fixes(tmp_path):
    path = tmp_path / "performance.md"
    report.write(path, a_run(p50=170.0))
    path.write_text(path.read_text().replace(report.NEW_BEFORE_AFTER, FIX) + "\nA closing remark.\n")
    report.write(path, a_run(p50=42.0))
    text = path.read_text()
    assert "| 42.0 |" in text and "| 170.0 |" not in text
    assert FIX in text and text.endswith("A closing remark.\n")
    assert text.count(BEGIN) == 1 and text.count(END) == 1 and text.count(BEFORE_AFTER) == 1


def test_a_file_without_markers_gets_the_run_before_its_fixes():
    existing = "# Performance\n\nWritten by hand.\n\n" + FIX
    text = report.updated(existing, "BLOCK")
    assert text == "# Performance\n\nWritten by hand.\n\nBLOCK\n\n" + FIX


def test_a_file_without_a_before_and_after_section_gets_one():
    text = report.updated("# Notes\n", "BLOCK")
    assert text.startswith("# Notes\n\nBLOCK\n")
    assert BEFORE_AFTER in text


def test_the_terminal_table_has_every_page_and_figure():
    text = report.text(a_run())
    assert "Dashboard | main" in text and "Floor: password change" in text
    assert "Dashboard: p50 within 5× the floor" in text and "PASS" in text
    assert "IATI files" in text and "failed" in text
