"""Reports (DESIGN section 6) made in the background: `jobs` (requesting a version, the worker's claim, progress,
the stored file), one builder per kind (`donor`, `public`, `portfolio`) that turns the partnership's data into HTML
section by section, and `sections/` (the donor report's sections, one module per subject).

Nothing here queues tasks (monitoring.tasks does), so tasks import it without an import circle.
"""
