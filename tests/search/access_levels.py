"""Access levels of the search app's URLs for the URL walk (tests/test_url_walk.py): anyone signed in searches,
and finds only what they may open (tests/search/test_search_walk.py)."""

LEVELS = {
    "search:results": "signed-in",
}
