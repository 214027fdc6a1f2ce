"""Access levels of the API's pages for people (tokens, documentation, schema) for the URL walk. The endpoints
themselves (namespace "api") are walked by tests/api/test_api_walk.py."""

LEVELS = {
    "developer:schema": "public",
}
