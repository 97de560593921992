"""The web half of `make bench`: gunicorn started as production runs it, and wrk driving one address at a time.

wrk runs here (Debian package `wrk`); a small Lua script makes it print its figures as JSON, so that p95 is
exact (wrk's own --latency table has no 95th percentile).
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = 16
WRK_THREADS = 2
REPORT_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format('{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, '
    .. '"non_2xx": %d, "socket_errors": %d}\\n', summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, errors))
end
"""


def secret_key() -> str:
    """`make up`'s secret key (var/secret_key), made if missing. The runner signs its sessions with it too."""
    secret = ROOT / "var" / "secret_key"
    if not secret.exists():
        secret.parent.mkdir(exist_ok=True)
        secret.write_text(os.urandom(32).hex())
    return secret.read_text().strip()


def server_environment(database_url: str, redis_url: str, port: int) -> dict[str, str]:
    """The production settings as `make up` sets them (DEBUG off, plain-HTTP loopback), plus the bare view."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "BENCH_BARE_VIEW": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }


@contextmanager
def gunicorn(environment: dict[str, str], port: int, workers: int = 2):
    """gunicorn with sync workers, as `make up` and the Dockerfile start it; stopped when the block ends."""
    python = Path(sys.executable)
    collect = [str(python), "manage.py", "collectstatic", "--no-input", "--verbosity", "0"]
    subprocess.run(collect, cwd=ROOT, env=environment, check=True)
    command = [str(python.parent / "gunicorn"), "hyte_portal.wsgi", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--backlog", "2048", "--timeout", "120"]  # fmt: skip
    log = open(ROOT / "var" / "bench-gunicorn.log", "a")  # noqa: SIM115 (closed with the server below)
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=log)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet, or a worker still booting
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url} in {seconds} s")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, cookie: str = "") -> tuple[int, str]:
    """One GET (redirects not followed): the status and the page."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def wrk(url: str, seconds: float, cookie: str = "") -> dict:
    """wrk at 16 connections for `seconds` against one address: requests/s and latency percentiles in ms."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(REPORT_SCRIPT)
    command = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{max(round(seconds), 1)}s",
        "--timeout",
        "30s",
        "-s",
        script.name,
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    try:
        output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)
    figures = json.loads(output.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / figures["seconds"] if figures["seconds"] else 0.0
    return figures
