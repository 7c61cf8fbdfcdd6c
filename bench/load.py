"""Load benchmark of the content API against Wagtail's /api/v2/, on loopback with gunicorn.

Usage (after bench/generate.py filled the database):
    DATABASE_URL=sqlite:////tmp/ben_bench.sqlite3 [REDIS_URL=redis://127.0.0.1:6379/0] \\
        python bench/load.py [--duration 8] [--concurrency 4] [--workers 2]

Starts gunicorn (production settings, --workers sync workers) three times: with the response
cache switched off (API_RESPONSE_CACHE_SECONDS=0) for the uncached numbers and Wagtail's v2
listing, with the cache on for cached and 304 numbers, and a file-serving WSGI app as the
static baseline. Prints requests per second, latency percentiles and ratios.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
V2_EVENTS = "/api/v2/pages/?type=pages.EventPage&fields=*"


@dataclass
class Result:
    label: str
    latencies: list = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


def request(port: int, path: str, headers: dict) -> tuple[int, bytes, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, dict(response.getheaders())


def run(label, port, path, duration, concurrency, headers=None, expect=200) -> Result:
    headers = headers or {}
    result = Result(label)
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker():
        local, errors = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, _, _ = request(port, path, headers)
            elapsed = time.perf_counter() - started
            if status == expect:
                local.append(elapsed)
            else:
                errors += 1
        with lock:
            result.latencies.extend(local)
            result.errors += errors

    for _ in range(2):  # warm up: imports, connections, caches
        request(port, path, headers)
    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    return result


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """gunicorn on a free loopback port; fails loudly instead of measuring someone else's."""

    def __init__(self, app: str, workers: int, env: dict):
        self.port = port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", app,
                "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
                "--log-level", "warning",
            ],
            cwd=ROOT,
            env={**os.environ, **env},
        )  # fmt: skip
        for _ in range(200):
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn for {app} exited with {self.process.returncode}")
            try:
                request(port, "/", {})
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn on port {port} did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to the database filled by bench/generate.py.")
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "API_RATE_LIMIT_ANONYMOUS": "100000000/minute",
        "CACHE_KEY_PREFIX": "api-bench",
        "LOG_LEVEL": "WARNING",
    }
    scenario = lambda *a, **k: run(*a, duration=args.duration, concurrency=args.concurrency, **k)  # noqa: E731
    results = {}

    server = Server(
        "cms.wsgi:application", args.workers, {**env, "API_RESPONSE_CACHE_SECONDS": "0"}
    )
    try:
        port = server.port
        results["v2"] = scenario("Wagtail /api/v2/pages/?type=EventPage&fields=*", port, V2_EVENTS)
        for name in ("events", "clubs", "news", "benefit-partners"):
            results[f"{name}-uncached"] = scenario(f"/api/v1/{name}/ uncached", port,
                                                   f"/api/v1/{name}/")  # fmt: skip
        results["window-uncached"] = scenario(
            "/api/v1/events/?from&to (1 month) uncached", port,
            "/api/v1/events/?from=2026-06-01&to=2026-06-30",
        )  # fmt: skip
    finally:
        server.stop()

    server = Server("cms.wsgi:application", args.workers, env)
    try:
        port = server.port
        _, body, headers = request(port, "/api/v1/events/", {})
        etag = headers["ETag"]
        results["events-cached"] = scenario("/api/v1/events/ cached", port, "/api/v1/events/")
        results["news-cached"] = scenario("/api/v1/news/ cached", port, "/api/v1/news/")
        results["events-304"] = scenario("/api/v1/events/ If-None-Match -> 304", port,
                                         "/api/v1/events/", headers={"If-None-Match": etag},
                                         expect=304)  # fmt: skip
    finally:
        server.stop()

    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as sample:
        sample.write(body)
    server = Server("bench.static_wsgi:application", args.workers,
                    {"BENCH_STATIC_FILE": sample.name})  # fmt: skip
    try:
        results["static"] = scenario(f"static file ({len(body)} bytes, same size)",
                                     server.port, "/")  # fmt: skip
    finally:
        server.stop()
        os.unlink(sample.name)

    print(f"\ngunicorn {args.workers} sync workers, {args.concurrency} client threads, "
          f"{args.duration:.0f}s per scenario, {os.cpu_count()} CPUs, "
          f"cache: {'Redis' if os.environ.get('REDIS_URL') else 'local memory'}\n")  # fmt: skip
    print(f"{'scenario':58} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for result in results.values():
        print(
            f"{result.label:58} {result.rps:8.1f} {result.percentile(0.5):8.1f} "
            f"{result.percentile(0.9):8.1f} {result.percentile(0.99):8.1f} {result.errors:6d}"
        )
    v2 = results["v2"].rps
    print("\nratios")
    for key in ("events-uncached", "window-uncached", "events-cached", "events-304"):
        print(f"  {results[key].label} / v2 listing: {results[key].rps / v2:.1f}x")
    static = results["static"].rps
    for key in ("events-cached", "events-304"):
        print(f"  {results[key].label} / static file: {results[key].rps / static:.2f}")
    median = statistics.median(results["events-uncached"].latencies) * 1000
    print(f"  median uncached event list latency: {median:.1f} ms")


if __name__ == "__main__":
    main()
