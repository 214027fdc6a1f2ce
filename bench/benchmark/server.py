"""The web server under test, as production runs it: static files collected (the manifest the templates need),
gunicorn with the production settings (DEBUG off, 2 workers, a throwaway SECRET_KEY) on a free port of 127.0.0.1,
and a person signed in through the sign-in form (a session cookie, as a browser holds it).

Set for the benchmark and said so in the report: plain HTTP (SECURE_COOKIES off, no HTTPS redirect, no HSTS), no
second factor, API_RATE high enough that the per-token throttle (which still runs) never refuses the load.
"""

import contextlib
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings

WORKERS = 2


def throwaway_secret_key() -> str:
    return "bench-" + secrets.token_urlsafe(48)


def production_env(*, secret_key, tmp: Path, base=None) -> dict[str, str]:
    """The environment of every process the benchmark starts (gunicorn, Celery workers, collectstatic): the
    operator's (DATABASE_URL, REDIS_URL...) with production settings and the benchmark's plain-HTTP exceptions."""
    env = dict(os.environ if base is None else base)
    env.update(
        DEBUG="false",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_COOKIES="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        BEHIND_HTTPS_PROXY="false",
        REQUIRE_TWO_FACTOR="false",
        API_RATE="1000000/m",
        LOG_LEVEL="WARNING",
        MSP_VAR_DIR=str(tmp / "var"),
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "var" / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp / "var" / "private"),
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(*args, env, quiet=True) -> tuple[float, str]:
    """Run `manage.py ARGS` in a subprocess: (its wall-clock time in seconds, its output). Fails with its output."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=quiet,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{(done.stdout or '')[-2000:]}{(done.stderr or '')[-2000:]}"
        )
    return time.monotonic() - started, done.stdout or ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def process(args, *, env, log: Path):
    """A background process for the length of the block, its output in `log`; stopped (TERM, then KILL) after."""
    with open(log, "w") as out:
        started = subprocess.Popen(args, env=env, cwd=settings.BASE_DIR, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield started
    finally:
        started.terminate()
        try:
            started.wait(timeout=20)
        except subprocess.TimeoutExpired:
            started.kill()
            started.wait()


@contextlib.contextmanager
def gunicorn(*, env, tmp: Path):
    """gunicorn serving the production settings; yields its base URL once /healthz answers."""
    port = free_port()
    log = tmp / "gunicorn.log"
    args = [sys.executable, "-m", "gunicorn", "msp.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    args += ["--workers", str(WORKERS), "--log-level", "warning"]
    with process(args, env=env, log=log) as server:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-2000:]}")
            with contextlib.suppress(OSError):
                if Browser(base).get("/healthz")[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not answer /healthz within 60 s:\n{log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield base


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Plain HTTP requests that keep cookies by hand (what wrk is then given as a Cookie header)."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(_NoRedirect)

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def get(self, path, *, data=None, headers=None) -> tuple[int, bytes]:
        all_headers = dict(headers or {})
        if self.cookies:
            all_headers["Cookie"] = self.cookie_header()
        request = urllib.request.Request(self.base + path, data=data, headers=all_headers)
        try:
            response = self.opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.read()

    def sign_in(self, username, password):
        """Through the sign-in form, as a person does. Raises when the form does not let them in."""
        status, page = self.get("/accounts/login/")
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not found:
            raise RuntimeError(f"the sign-in page answered {status} without a form")
        form = {"csrfmiddlewaretoken": found.group(1).decode(), "username": username, "password": password}
        status, _ = self.get("/accounts/login/", data=urllib.parse.urlencode(form).encode())
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{username} could not sign in (answer {status}): check --user and --password")
