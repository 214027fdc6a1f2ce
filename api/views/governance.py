"""API endpoints: governance (see api/views/base.py for the pattern)."""

urls = []
