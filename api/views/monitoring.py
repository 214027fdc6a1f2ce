"""API endpoints: monitoring (see api/views/base.py for the pattern)."""

urls = []
