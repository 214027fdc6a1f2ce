"""Sign in to a running instance as the demo secretariat user and walk the main pages.

    smoke.py BASE_URL                       the embedded default (dev.py run): plain HTTP, localhost
    smoke.py BASE_URL --production HOST     gunicorn with production settings behind a (simulated) TLS proxy:
                                            every request carries Host: HOST and X-Forwarded-Proto: https, as
                                            the proxy would send them; the health check is asked as the compose
                                            healthcheck asks it (Host 127.0.0.1, plain HTTP)

    --totp-secret HEX                       the demo secretariat user has a second factor with this secret
                                            (manage.py two_factor_device): the walk passes the code step, as a
                                            person with an authenticator app does, and fails if none is asked

Cookies are kept by hand: in production they are Secure, and a cookie jar would not send them over the plain
HTTP of this loopback connection (the proxy's HTTPS is only simulated by the header).
"""

import argparse
import hashlib
import hmac
import json
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("--production", metavar="HOST", help="the public host name of the instance")
parser.add_argument("--totp-secret", metavar="HEX", help="amina's TOTP secret: sign in through the code step")
args = parser.parse_args()
base = args.base.rstrip("/")
cookies: dict[str, str] = {}
set_cookie_headers: list[str] = []


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(path, data=None, headers=None, proxied=True):
    """One request as the browser behind the proxy sends it; returns (status, headers, body bytes)."""
    all_headers = dict(headers or {})
    if args.production and proxied:
        all_headers.setdefault("Host", args.production)
        all_headers.setdefault("X-Forwarded-Proto", "https")
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    req = urllib.request.Request(base + path, data=data, headers=all_headers)
    try:
        response = opener.open(req, timeout=30)
    except urllib.error.HTTPError as error:  # 3xx (no redirects followed), 4xx, 5xx
        response = error
    for header in response.headers.get_all("Set-Cookie") or []:
        set_cookie_headers.append(header)
        name, _, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]
    return response.status, response.headers, response.read()


def totp(secret_hex, at=None):
    """The current 6-digit code of an authenticator app holding this secret (RFC 6238: SHA-1, 30 s steps)."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(bytes.fromhex(secret_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def get_ok(path, content_type="text/html"):
    status, headers, body = request(path)
    assert status == 200, (path, status, body[:500])
    assert headers.get("Content-Type", "").startswith(content_type), (path, headers.get("Content-Type"))
    return body


deadline = time.monotonic() + 240  # the first run of dev.py installs packages and migrates
while True:
    try:
        status, _, _ = request("/healthz", proxied=False)
        if status == 200:
            break
    except (urllib.error.URLError, ConnectionError):
        pass
    if time.monotonic() > deadline:
        sys.exit("the server did not come up (GET /healthz)")
    time.sleep(1)

public = f"https://{args.production}" if args.production else base
if args.production:
    # The compose healthcheck: plain HTTP, Host 127.0.0.1 (not an allowed host), no proxy header.
    status, _, body = request("/healthz", headers={"Host": "127.0.0.1:8000"}, proxied=False)
    assert (status, body) == (200, b"ok\n"), (status, body)
    # Plain HTTP through the proxy is redirected to HTTPS; an unknown host name is refused.
    status, headers, _ = request("/accounts/login/", headers={"X-Forwarded-Proto": "http"})
    assert status == 301 and headers["Location"].startswith(f"https://{args.production}/"), (status, headers)
    status, _, _ = request("/accounts/login/", headers={"Host": "intruder.example"})
    assert status == 400, status

page = get_ok("/accounts/login/").decode()
if args.production:
    _, headers, _ = request("/accounts/login/")
    assert "max-age" in headers.get("Strict-Transport-Security", ""), "no HSTS header"
# Static files come from whitenoise with hashed names (the manifest collectstatic built).
for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', page):
    get_ok(asset, content_type="")
    if args.production:
        assert re.search(r"\.[0-9a-f]{12}\.", asset), f"{asset} is not a hashed (manifest) name"

token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "amina", "password": "msp-demo"}).encode()
status, headers, body = request(
    "/accounts/login/", data=data, headers={"Referer": f"{public}/accounts/login/", "Origin": public}
)
assert status == 302, (status, body[:500])
if args.production:
    insecure = [c.split("=")[0] for c in set_cookie_headers if "secure" not in c.lower()]
    assert not insecure, f"cookies without Secure in production: {insecure}"
status, headers, _ = request("/")
if args.totp_secret:
    # Two-factor sign-in is required of the secretariat here: every page leads to the code step first.
    assert status == 302 and "/accounts/two-factor/verify/" in headers["Location"], (status, headers.get("Location"))
    verify = urllib.parse.urlsplit(headers["Location"])
    page = get_ok(verify.path + "?" + verify.query).decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "code": totp(args.totp_secret), "next": "/"})
    status, headers, body = request(
        verify.path, data=data.encode(), headers={"Referer": f"{public}{verify.path}", "Origin": public}
    )
    assert status == 302, (status, body[:1000])
home = get_ok("/").decode()
assert "My work" in home and "My partnerships" in home, "the home page (My work) is not the signed-in start page"
listing = get_ok("/partnerships/").decode()
assert "Sustainable Cocoa Partnership" in listing, "demo data missing on the partnership list"
# The cocoa partnership: the demo's fullest (an MoU in force, an approved roadmap).
first = re.search(r'href="(/partnerships/\d+/)"(?:(?!href=).)*Sustainable Cocoa Partnership', listing, re.S).group(1)
pages = ["", "edit/", "roles/", "activity/", "phases/", "stakeholders/", "stakeholders/contacts/"]
pages += ["stakeholders/map/", "stakeholders/invitations/", "roadmap/", "mou/"]
for path in pages:
    get_ok(first + path)
get_ok(first + "stakeholders/map/chart.svg", content_type="image/svg+xml")
mou_list = get_ok(first + "mou/").decode()
version = re.search(rf'href="({re.escape(first)}mou/v\d+/)"', mou_list).group(1)
get_ok(version)
pdf = get_ok(version + "pdf/", content_type="application/pdf")
assert pdf.startswith(b"%PDF-"), "the MoU PDF is not a PDF"
if args.production:
    # A signed MoU is a stored document: every download is the same file, named by its SHA-256.
    import hashlib

    _, headers, again = request(version + "pdf/")
    assert again == pdf, "two downloads of the signed MoU differ"
    assert headers.get("ETag") == f'"{hashlib.sha256(pdf).hexdigest()}"', headers.get("ETag")
# The REST API: amina makes a personal token on its page (a session signed in with her second factor), then a
# script reads with it: her partnerships and the cocoa indicators; an unknown address answers JSON, not a page.
page = get_ok("/developer/tokens/new/").decode()
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
status, headers, body = request(
    "/developer/tokens/new/",
    data=urllib.parse.urlencode({"csrfmiddlewaretoken": token, "name": "smoke"}).encode(),
    headers={"Referer": f"{public}/developer/tokens/new/", "Origin": public},
)
assert status == 302, (status, body[:1000])
key = re.search(r'id="api-key" type="text" value="([^"]+)"', get_ok("/developer/tokens/new/key/").decode()).group(1)
saved_cookies = dict(cookies)
cookies.clear()  # the API is read with the token alone, as a script would
bearer = {"Authorization": f"Bearer {key}"}
status, headers, body = request("/api/v1/partnerships/", headers=bearer)
assert status == 200 and headers["Content-Type"].startswith("application/json"), (status, body[:500])
assert "Sustainable Cocoa Partnership" in body.decode(), body[:500]
status, _, body = request(f"/api/v1{first}indicators/", headers=bearer)
assert status == 200 and json.loads(body)["count"] > 0, (status, body[:500])
status, headers, body = request("/api/v1/nothing-here/", headers=bearer)
assert status == 404 and headers["Content-Type"].startswith("application/json"), (status, body[:500])
status, _, _ = request("/api/v1/partnerships/")
assert status == 401, status
# IATI: the demo publishes the cocoa partnership; its files are public (no sign-in), as the IATI Registry reads them.
for path in ("/iati/organisation.xml", "/iati/activities.xml"):
    status, headers, body = request(path)
    assert status == 200 and headers["Content-Type"].startswith("application/xml"), (path, status, body[:300])
    assert b"<iati-" in body, body[:300]
    assert path.endswith("organisation.xml") or b"Sustainable Cocoa" in body, body[:300]
cookies.update(saved_cookies)
get_ok("/developer/")  # the documentation page
reports_note = ""
if args.production:
    # A donor report asked for on the Reports tab is made by the Celery worker on Redis, then downloaded.
    page = get_ok(first + "reports/").decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"csrfmiddlewaretoken": token, "kind": "donor", "language": "en"}
    form |= {"period_start": "2026-01-01", "period_end": "2026-03-31"}
    status, headers, body = request(
        first + "reports/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": f"{public}{first}reports/", "Origin": public},
    )
    assert status == 302, (status, body[:1000])
    report = urllib.parse.urlsplit(headers["Location"]).path
    deadline = time.monotonic() + 180
    while "Made." not in (status_block := get_ok(report + "status/").decode()):
        assert "could not be made" not in status_block, status_block
        assert time.monotonic() < deadline, "the worker did not make the report within 3 minutes"
        time.sleep(2)
    made = get_ok(report + "pdf/", content_type="application/pdf")
    assert made.startswith(b"%PDF-"), "the donor report is not a PDF"
    reports_note = ", and a donor report made by the worker"
print(
    f"smoke ok: signed in as amina{' with a TOTP code' if args.totp_secret else ''}; My work, the list, {len(pages) + 3} pages of {first}, static files, the MoU PDF, the API with a personal token and the public IATI files answer 200"
    + reports_note
)
