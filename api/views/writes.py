"""API endpoints: writes (see api/views/base.py for the pattern)."""

urls = []
