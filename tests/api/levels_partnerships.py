ENDPOINTS = {
    "api:partnership_list": "signed-in",
    "api:partnership_detail": "summary",
}
