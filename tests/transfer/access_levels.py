"""Access levels of the partnership export's URL for the URL walk (tests/test_url_walk.py)."""

LEVELS = {
    # A POST (it records the download in the activity feed): the secretariat and superusers get the ZIP.
    "transfer:export": "secretariat-action",
}
