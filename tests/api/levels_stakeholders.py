"""The API walk's levels for the stakeholder endpoints (see tests/api/walk.py): the members' pages."""

ENDPOINTS = {
    "api:member_list": "member",
    "api:contact_list": "member",
    "api:map_entry_list": "member",
}
