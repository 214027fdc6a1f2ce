"""The load tool's output, read right: wrk's own summary and the benchmark's Lua line (p95, answers other than 200),
and the script itself run by a real wrk against a small server (a redirect counts as an error, not a success)."""

import http.server
import os
import shutil
import threading

import pytest

from bench.benchmark import wrk

# wrk 4.1 (Debian), --latency, with the benchmark's script: every answer was a redirect.
OUTPUT = """Running 1s test @ http://127.0.0.1:18931/page
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.70ms    2.02ms  14.11ms   86.46%
    Req/Sec     1.52k   200.82     1.85k    60.00%
  Latency Distribution
     50%  807.00us
     75%    2.17ms
     90%    4.47ms
     99%    9.73ms
  1513 requests in 1.00s, 768.32KB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:   1507.64
Transfer/sec:    765.60KB
bench: p50_us=807 p95_us=6040 requests=1513 duration_us=1003557 bytes=786760 not200=1513
"""


def test_the_scripts_line_gives_p95_and_answers_other_than_200():
    result = wrk.parse(OUTPUT)
    assert result.p50_ms == pytest.approx(0.807)
    assert result.p95_ms == pytest.approx(6.040)
    assert result.p99_ms == pytest.approx(9.73)
    assert result.requests == 1513
    assert result.requests_per_second == pytest.approx(1513 / 1.003557)
    assert result.not_200 == 1513
    assert result.non_2xx_3xx == 7
    assert result.socket_errors == 5
    # Every redirect is an error (not only wrk's non-2xx/3xx), and so is every socket error.
    assert result.errors == 1513 + 5


def test_without_the_scripts_line_wrks_own_summary_is_read():
    result = wrk.parse(OUTPUT.replace(OUTPUT.splitlines()[-1], ""))
    assert result.p50_ms == pytest.approx(0.807)
    assert result.p95_ms is None
    assert result.requests == 1513
    assert result.seconds == pytest.approx(1.0)
    assert result.requests_per_second == pytest.approx(1507.64)
    assert result.errors == 5 + 7


def test_a_clean_run_has_no_errors():
    clean = "\n".join(line for line in OUTPUT.splitlines() if "errors" not in line and "Non-2xx" not in line)
    result = wrk.parse(clean.replace("not200=1513", "not200=0"))
    assert result.errors == 0


@pytest.mark.parametrize(
    "text, ms",
    [("807.00us", 0.807), ("18.52ms", 18.52), ("1.20s", 1200), ("1.00m", 60_000), ("2s", 2000)],
)
def test_wrk_durations_in_milliseconds(text, ms):
    assert wrk.milliseconds(text) == pytest.approx(ms)


def test_a_duration_wrk_never_prints_is_refused():
    with pytest.raises(ValueError):
        wrk.milliseconds("12 parsecs")


def test_the_command_carries_the_session_and_the_latency_flag():
    args = wrk.command(
        "http://127.0.0.1:9/x", connections=16, duration="60s", script="/tmp/s.lua", headers=[("Cookie", "a=b")]
    )
    assert args[0] == "wrk"
    assert "--connections=16" in args and "--duration=60s" in args and "--latency" in args
    assert "--threads=2" in args
    assert args[args.index("--header") + 1] == "Cookie: a=b"
    assert args[-1] == "http://127.0.0.1:9/x"
    assert "--threads=1" in wrk.command("http://x/", connections=1, duration="1s", script="s")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/ok" else 302)
        if self.path != "/ok":
            self.send_header("Location", "/accounts/login/")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # wrk drops its connections mid-answer when its time is up


@pytest.fixture
def small_server():
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_script_counts_redirects_that_wrk_counts_as_successes(small_server, tmp_path):
    if shutil.which("wrk") is None:
        if os.environ.get("MSP_CI"):
            pytest.fail("MSP_CI is set but wrk is not installed (apt-get install wrk).")
        pytest.skip("needs wrk (apt-get install wrk)")
    script = tmp_path / "bench.lua"
    script.write_text(wrk.LUA_SCRIPT)
    ok, _output = wrk.run(f"{small_server}/ok", connections=1, duration="1s", script=script)
    assert ok.requests > 0 and ok.errors == 0 and ok.p95_ms is not None
    redirected, _output = wrk.run(f"{small_server}/elsewhere", connections=1, duration="1s", script=script)
    assert redirected.non_2xx_3xx == 0  # wrk alone would call these successes
    assert redirected.requests > 0 and redirected.errors == redirected.requests
