"""Access levels of the IATI pages for the URL walk (tests/test_url_walk.py)."""

LEVELS = {}
