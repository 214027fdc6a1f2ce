"""The API's own addresses (not a subject's): any address under /api/v1/ that is no endpoint."""

ENDPOINTS = {
    "api:not_found": dict.fromkeys(("get", "post", "put", "patch", "delete"), "gone"),
}
OBJECTS = {
    "api:not_found": {"unknown": lambda w: "no-such-endpoint/"},
}
