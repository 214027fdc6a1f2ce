"""The load tool: wrk (Debian package `wrk`), run against one URL with a signed-in session or an API token.

wrk prints its own summary (`--latency`: the 50/75/90/99 % latencies); the Lua script below adds what that summary
lacks: the 95th percentile, and answers other than 200 (wrk itself counts only non-2xx/3xx, so a redirect to the
sign-in page would pass as a success). `parse` reads both.
"""

import dataclasses
import re
import shutil
import subprocess

# Per thread: count answers that are not 200; at the end, one line with the figures wrk's summary does not print.
LUA_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not200 = 0 end
function response(status, headers, body) if status ~= 200 then not200 = not200 + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("not200") end
  io.write(string.format("bench: p50_us=%d p95_us=%d requests=%d duration_us=%d bytes=%d not200=%d\\n",
    latency:percentile(50), latency:percentile(95), summary.requests, summary.duration, summary.bytes, bad))
end
"""

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)(us|ms|s|m|h)$")


class WrkMissing(RuntimeError):
    pass


@dataclasses.dataclass
class WrkResult:
    requests: int = 0
    seconds: float = 0.0
    requests_per_second: float = 0.0
    p50_ms: float | None = None
    p95_ms: float | None = None
    p99_ms: float | None = None
    socket_errors: int = 0  # connect, read, write and timeout together
    non_2xx_3xx: int = 0  # wrk's own count
    not_200: int = 0  # the script's count: redirects too
    bytes_read: int = 0

    @property
    def errors(self) -> int:
        """Every request that did not answer 200 in time (a non-200 answer is counted once, by the script, when it
        ran; wrk's own non-2xx/3xx count otherwise)."""
        return self.socket_errors + max(self.not_200, self.non_2xx_3xx)


def milliseconds(text: str) -> float:
    """wrk's durations ("812.00us", "18.52ms", "1.20s", "1.00m") in milliseconds."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse(output: str) -> WrkResult:
    """A WrkResult from wrk's output (with or without the script's line; the script's figures win)."""
    result = WrkResult()
    if m := re.search(r"^\s*(\d+) requests in ([\d.]+\w+),", output, re.M):
        result.requests, result.seconds = int(m.group(1)), milliseconds(m.group(2)) / 1000
    if m := re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M):
        result.requests_per_second = float(m.group(1))
    for percent, field in (("50", "p50_ms"), ("99", "p99_ms")):
        if m := re.search(rf"^\s*{percent}%\s+([\d.]+\w+)\s*$", output, re.M):
            setattr(result, field, milliseconds(m.group(1)))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        result.socket_errors = sum(int(n) for n in m.groups())
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        result.non_2xx_3xx = int(m.group(1))
    if m := re.search(r"^bench: (.*)$", output, re.M):
        fields = dict(pair.split("=", 1) for pair in m.group(1).split())
        result.p50_ms = int(fields["p50_us"]) / 1000
        result.p95_ms = int(fields["p95_us"]) / 1000
        result.requests = int(fields["requests"])
        result.seconds = int(fields["duration_us"]) / 1_000_000
        result.bytes_read = int(fields["bytes"])
        result.not_200 = int(fields["not200"])
        if result.seconds:
            result.requests_per_second = result.requests / result.seconds
    return result


def command(url, *, connections, duration, script, headers=(), timeout="30s") -> list[str]:
    """The wrk command line: `threads` = at most 2 (the connections are shared among them)."""
    threads = max(1, min(2, connections))
    args = ["wrk", f"--threads={threads}", f"--connections={connections}", f"--duration={duration}"]
    args += [f"--timeout={timeout}", "--latency", f"--script={script}"]
    for name, value in headers:
        args += ["--header", f"{name}: {value}"]
    return [*args, url]


def run(url, *, connections, duration, script, headers=()) -> tuple[WrkResult, str]:
    """Load `url`; (the parsed result, wrk's output). `script`: a file holding LUA_SCRIPT."""
    if shutil.which("wrk") is None:
        raise WrkMissing("wrk is not installed (Debian/Ubuntu: apt-get install wrk).")
    done = subprocess.run(
        command(url, connections=connections, duration=duration, script=script, headers=headers),
        capture_output=True,
        text=True,
        check=False,
    )
    output = done.stdout + done.stderr
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {output.strip()[:500]}")
    return parse(output), output
