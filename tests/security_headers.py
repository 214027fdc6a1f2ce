"""The security headers every response carries (msp/settings.py, msp/headers.py): one assertion the URL walk
makes on each response it gets, for every URL pattern and role."""

REQUIRED = {
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}
CSP_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
REFUSED_FEATURES = ("camera=()", "microphone=()", "geolocation=()", "payment=()")


def csp_directives(header):
    """{"script-src": "'self'", ...} from a Content-Security-Policy header."""
    parts = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def assert_security_headers(response, what=""):
    for header, value in REQUIRED.items():
        assert response.get(header) == value, f"{what}: {header} is {response.get(header)!r}"
    csp = response.get("Content-Security-Policy")
    assert csp, f"{what}: no Content-Security-Policy"
    directives = csp_directives(csp)
    assert directives == CSP_DIRECTIVES, f"{what}: Content-Security-Policy is {csp!r}"
    assert "unsafe" not in csp, f"{what}: {csp!r}"
    policy = response.get("Permissions-Policy", "")
    assert all(feature in policy for feature in REFUSED_FEATURES), f"{what}: Permissions-Policy is {policy!r}"
