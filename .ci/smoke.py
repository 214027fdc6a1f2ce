"""Sign in to a running instance as the demo secretariat user and check the signed-in pages answer 200."""

import http.cookiejar
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

deadline = time.monotonic() + 240  # the first run installs packages and migrates
while True:
    try:
        page = opener.open(f"{base}/accounts/login/", timeout=5).read().decode()
        break
    except (urllib.error.URLError, ConnectionError):
        if time.monotonic() > deadline:
            sys.exit("the server did not come up")
        time.sleep(1)

token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "amina", "password": "msp-demo"}).encode()
request = urllib.request.Request(f"{base}/accounts/login/", data=data, headers={"Referer": f"{base}/accounts/login/"})
home = opener.open(request, timeout=10)
body = home.read().decode()
assert home.status == 200 and home.geturl() == f"{base}/", (home.status, home.geturl())
assert "My partnerships" in body and "Sustainable Cocoa Partnership" in body, "demo data missing on the home page"
first = re.search(r'href="(/partnerships/\d+/)"', body).group(1)
for path in (first, first + "phases/", first + "activity/"):
    response = opener.open(base + path, timeout=10)
    assert response.status == 200, (path, response.status)
print(f"smoke ok: signed in as amina, {first} and its pages answer 200")
