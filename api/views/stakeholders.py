"""API endpoints: stakeholders (see api/views/base.py for the pattern)."""

urls = []
