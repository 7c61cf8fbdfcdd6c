"""Load benchmark of the content API against Wagtail's /api/v2/, on loopback with gunicorn,
and of Varnish (deploy/varnish/ben.vcl) in front of it.

Usage (after bench/generate.py filled the database):
    DATABASE_URL=sqlite:////tmp/ben_bench.sqlite3 REDIS_URL=redis://127.0.0.1:6379/0 \\
        python bench/load.py [--duration 8] [--concurrency 4] [--workers 2]

Starts gunicorn (--workers sync workers) three times: with the response cache switched off
(API_RESPONSE_CACHE_SECONDS=0) for the uncached numbers and Wagtail's v2 listing, with the
cache on for cached and 304 numbers, and a file-serving WSGI app as the static baseline.
Then varnishd with the shipped VCL in front of the cached gunicorn (its `app1` backend) and
the file app (its `files` backend): Varnish hits of /api/v1/events/ against a static file of
the same size through the same Varnish, and the time from publishing a change (in this
process, purging Varnish after the commit as BEN does) to the changed answer through Varnish.
The settings are production's plus Wagtail's API v2 at /api/v2/ (bench/settings.py and
bench/urls.py: v2 exists only here). Prints requests per second, latency percentiles, server
CPU time per request (gunicorn workers plus Redis, or varnishd, read from /proc and Redis
INFO; this does not depend on how fast the load generator is) and ratios.
"""

import argparse
import http.client
import json
import os
import shutil
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
VCL = ROOT / "deploy" / "varnish" / "ben.vcl"
STATIC_PATH = "/static/bench/events.json"


@dataclass
class Result:
    label: str
    latencies: list = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    server_cpu_seconds: float = 0.0

    @property
    def cpu_per_request_ms(self) -> float:
        return self.server_cpu_seconds / len(self.latencies) * 1000 if self.latencies else 0.0

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")  # every request failed: the errors column says how many
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


@dataclass
class ApacheBenchResult(Result):
    """Measured by ApacheBench (``ab``, C, keep-alive): a load generator that costs far less
    CPU per request than this script's Python threads, for the fastest scenarios."""

    requests: int = 0
    measured_rps: float = 0.0
    measured_percentiles: dict = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.measured_rps

    @property
    def cpu_per_request_ms(self) -> float:
        return self.server_cpu_seconds / self.requests * 1000 if self.requests else 0.0

    def percentile(self, fraction: float) -> float:
        return self.measured_percentiles.get(round(fraction * 100), float("nan"))


def run_apache_bench(label, server, path, duration, concurrency) -> ApacheBenchResult:
    result = ApacheBenchResult(label)
    url = f"http://127.0.0.1:{server.port}{path}"
    cpu_before = server.cpu_seconds()
    output = subprocess.run(
        ["ab", "-k", "-q", "-c", str(concurrency), "-t", str(duration), "-n", "100000000", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result.server_cpu_seconds = server.cpu_seconds() - cpu_before
    for line in output.splitlines():
        name, _, value = line.partition(":")
        if name == "Complete requests":
            result.requests = int(value)
        elif name in ("Failed requests", "Non-2xx responses"):
            result.errors += int(value)
        elif name == "Requests per second":
            result.measured_rps = float(value.split()[0])
        else:  # the percentile table: "  90%      2"
            share, milliseconds, *_ = [*line.split(), "", ""]
            if share[:-1].isdigit() and share.endswith("%") and milliseconds.isdigit():
                result.measured_percentiles[int(share[:-1])] = float(milliseconds)
    return result


VARNISH_COMPARISON = {
    "events-varnish-ab": ("/api/v1/events/ Varnish hit, ab", "/api/v1/events/"),
    "static-varnish-ab": ("static file through the same Varnish, ab", STATIC_PATH),
}


def interleaved_apache_bench(varnish, duration, concurrency, rounds) -> list[dict]:
    """The Varnish comparison in alternating rounds, so that load from elsewhere on a shared
    machine hits every scenario alike; compare within a round."""
    return [
        {
            key: run_apache_bench(label, varnish, path, duration, concurrency)
            for key, (label, path) in VARNISH_COMPARISON.items()
        }
        for _ in range(rounds)
    ]


def merge_rounds(rounds: list[dict]) -> dict:
    """Per scenario: the round with the median rate, with CPU per request over all rounds."""
    merged = {}
    for key in rounds[0]:
        runs = sorted((measured[key] for measured in rounds), key=lambda run: run.rps)
        median = runs[len(runs) // 2]
        merged[key] = ApacheBenchResult(
            f"{median.label} (median of {len(runs)})",
            errors=sum(run.errors for run in runs),
            server_cpu_seconds=sum(run.server_cpu_seconds for run in runs),
            requests=sum(run.requests for run in runs),
            measured_rps=median.rps,
            measured_percentiles=median.measured_percentiles,
        )
    return merged


def request(port: int, path: str, headers: dict, connection=None) -> tuple[int, bytes, dict]:
    """One GET; on ``connection`` if given, kept open when the server allows (Varnish does,
    gunicorn's sync workers close it and http.client opens a new one for the next request)."""
    own = connection is None
    if own:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    if own or response.will_close:
        connection.close()
    return response.status, body, dict(response.getheaders())


def redis_cpu_seconds() -> float:
    if not os.environ.get("REDIS_URL"):
        return 0.0
    import redis

    info = redis.Redis.from_url(os.environ["REDIS_URL"]).info("cpu")
    return info["used_cpu_user"] + info["used_cpu_sys"]


def run(label, server, path, duration, concurrency, headers=None, expect=200) -> Result:
    port = server.port
    headers = headers or {}
    result = Result(label)
    lock = threading.Lock()
    deadline = 0.0

    def worker():
        local, errors = [], 0
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, _, _ = request(port, path, headers, connection)
            elapsed = time.perf_counter() - started
            if status == expect:
                local.append(elapsed)
            else:
                errors += 1
        connection.close()
        with lock:
            result.latencies.extend(local)
            result.errors += errors

    for _ in range(2):  # warm up: imports, connections, caches
        request(port, path, headers)
    cpu_before = server.cpu_seconds() + redis_cpu_seconds()
    started = time.monotonic()
    deadline = started + duration
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.monotonic() - started
    result.server_cpu_seconds = server.cpu_seconds() + redis_cpu_seconds() - cpu_before
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

    def cpu_seconds(self) -> float:
        return process_cpu_seconds(self.process.pid)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def process_cpu_seconds(root: int) -> float:
    """User and system time so far of a process and its children (gunicorn's workers,
    varnishd's worker process)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that just ended
        pid, parent = int(stat.parent.name), int(fields[1])
        if root in (pid, parent):
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def varnishd() -> str | None:
    return shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")


class Varnish:
    """varnishd with the shipped VCL, its backends pointed at the benchmark's servers."""

    def __init__(self, app_port: int, files_port: int):
        self.port = free_port()
        self.workdir = Path(tempfile.mkdtemp(prefix="ben-bench-varnish-"))
        self.workdir.chmod(0o755)  # varnishd's unprivileged worker reads the compiled VCL
        vcl = self.workdir / "ben.vcl"
        text = VCL.read_text()
        for shipped, port in (('.port = "8000";', app_port), ('.port = "8080";', files_port)):
            if shipped not in text:
                raise RuntimeError(f"{VCL} no longer has {shipped}")
            text = text.replace(shipped, f'.port = "{port}";')
        vcl.write_text(text)
        vcl.chmod(0o644)
        self.process = subprocess.Popen(
            [
                varnishd(), "-F", "-n", str(self.workdir),
                "-f", str(vcl), "-a", f"127.0.0.1:{self.port}", "-s", "malloc,256m",
            ],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(300):
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd exited with {self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("varnishd did not start")

    def cpu_seconds(self) -> float:
        return process_cpu_seconds(self.process.pid)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.workdir, ignore_errors=True)


def publish_to_visible(varnish: Varnish, env: dict, rounds: int) -> list[tuple[float, float]]:
    """Seconds from the start of a publish (in this process, as an editor's request would)
    to the first answer through Varnish that shows it, and from the end of the publish (the
    purge included) to that answer; the page is put back afterwards."""
    os.environ.update(
        {
            **env,
            "FRONTEND_CACHE_URL": f"http://127.0.0.1:{varnish.port}",
            "TASKS_BACKEND": "immediate",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from cms.pages.models import EventPage

    _, body, _ = request(varnish.port, "/api/v1/events/?limit=1", {})
    event = EventPage.objects.get(pk=json.loads(body)["results"][0]["id"])
    original = event.title
    path = f"/api/v1/events/{event.pk}/"
    timings = []
    try:
        for number in range(rounds + 1):  # the first round warms up this process: not counted
            request(varnish.port, path, {})  # cached in Varnish before the change
            marker = f"{original} (bench {number})"
            event.title = marker
            started = time.perf_counter()
            event.save_revision().publish()
            published = time.perf_counter()
            while marker.encode() not in request(varnish.port, path, {})[1]:
                if time.perf_counter() - started > 30:
                    raise RuntimeError("the change did not show through Varnish within 30 s")
            if number:
                timings.append((time.perf_counter() - started, time.perf_counter() - published))
    finally:
        event.title = original
        event.save_revision().publish()
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=8.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-varnish", action="store_true", help="leave out the Varnish tier")
    parser.add_argument(
        "--rounds", type=int, default=5,
        help="interleaved ApacheBench rounds for the Varnish comparison (--duration each)",
    )  # fmt: skip
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to the database filled by bench/generate.py.")
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "BEN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "API_RATE_LIMIT_ANONYMOUS": "100000000/minute",
        "CACHE_KEY_PREFIX": "api-bench",
        "LOG_LEVEL": "WARNING",
    }
    scenario = lambda *a, **k: run(*a, duration=args.duration, concurrency=args.concurrency, **k)  # noqa: E731
    results = {}
    publish_timings = []
    ab_rounds = []

    server = Server(
        "cms.wsgi:application", args.workers, {**env, "API_RESPONSE_CACHE_SECONDS": "0"}
    )
    try:
        results["v2"] = scenario("Wagtail /api/v2/pages/?type=EventPage&fields=*", server,
                                 V2_EVENTS)  # fmt: skip
        for name in ("events", "clubs", "news", "benefit-partners"):
            results[f"{name}-uncached"] = scenario(f"/api/v1/{name}/ uncached", server,
                                                   f"/api/v1/{name}/")  # fmt: skip
        results["window-uncached"] = scenario(
            "/api/v1/events/?from&to (1 month) uncached", server,
            "/api/v1/events/?from=2026-06-01&to=2026-06-30",
        )  # fmt: skip
    finally:
        server.stop()

    server = Server("cms.wsgi:application", args.workers, env)
    files = varnish = None
    try:
        _, body, headers = request(server.port, "/api/v1/events/", {})
        etag = headers["ETag"]
        results["events-cached"] = scenario("/api/v1/events/ cached", server, "/api/v1/events/")
        results["events-304"] = scenario(
            "/api/v1/events/ If-None-Match -> 304", server, "/api/v1/events/",
            headers={"If-None-Match": etag}, expect=304,
        )  # fmt: skip
        results["news-cached"] = scenario("/api/v1/news/ cached", server, "/api/v1/news/")

        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as sample:
            sample.write(body)
        files = Server("bench.static_wsgi:application", args.workers,
                       {"BENCH_STATIC_FILE": sample.name})  # fmt: skip
        results["static"] = scenario(
            f"static file ({len(body)} bytes, same size), gunicorn", files, "/"
        )
        if not (args.no_varnish or varnishd()):
            print("varnishd is not installed: no Varnish scenarios (apt-get install varnish "
                  "varnish-modules)")  # fmt: skip
        if varnishd() and not args.no_varnish:
            varnish = Varnish(server.port, files.port)
            results["events-varnish"] = scenario(
                "/api/v1/events/ Varnish hit", varnish, "/api/v1/events/"
            )
            results["static-varnish"] = scenario(
                "static file, same size, through the same Varnish", varnish, STATIC_PATH
            )
            if shutil.which("ab"):
                ab_rounds = interleaved_apache_bench(
                    varnish, args.duration, args.concurrency, rounds=args.rounds
                )
                results.update(merge_rounds(ab_rounds))
            if os.environ.get("REDIS_URL"):
                publish_timings = publish_to_visible(varnish, env, rounds=5)
            else:
                print("publish-to-visible needs REDIS_URL (the app servers and this process "
                      "must share the response cache's generations)")  # fmt: skip
    finally:
        for running in (varnish, files, server):
            if running is not None:
                running.stop()
        if files is not None:
            os.unlink(sample.name)

    print(f"\ngunicorn {args.workers} sync workers, {args.concurrency} client threads, "
          f"{args.duration:.0f}s per scenario, {os.cpu_count()} CPUs, "
          f"cache: {'Redis' if os.environ.get('REDIS_URL') else 'local memory'}; "
          f"cpu ms = server CPU time per request (gunicorn workers + Redis; varnishd for "
          f"the Varnish rows)\n")  # fmt: skip
    print(f"{'scenario':62} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} "
          f"{'cpu ms':>7} {'errors':>6}")  # fmt: skip
    for result in results.values():
        print(
            f"{result.label:62} {result.rps:8.1f} {result.percentile(0.5):7.1f} "
            f"{result.percentile(0.9):7.1f} {result.percentile(0.99):7.1f} "
            f"{result.cpu_per_request_ms:7.2f} {result.errors:6d}"
        )
    v2 = results["v2"].rps
    print("\nratios")
    for key in ("events-uncached", "window-uncached", "events-cached", "events-304"):
        print(f"  {results[key].label} / v2 listing: {results[key].rps / v2:.1f}x req/s")
    static = results["static"]
    for key in ("events-cached", "events-304"):
        result = results[key]
        print(
            f"  {result.label} / static file: {result.rps / static.rps:.2f} req/s, "
            f"{result.cpu_per_request_ms / static.cpu_per_request_ms:.1f}x server CPU per request"
        )
    median = statistics.median(results["events-uncached"].latencies) * 1000
    print(f"  median uncached event list latency: {median:.1f} ms")
    if "events-varnish" in results:
        hit, file = results["events-varnish"], results["static-varnish"]
        print(
            f"  {hit.label} / {file.label}: {hit.rps / file.rps:.2f} req/s, "
            f"{hit.cpu_per_request_ms / file.cpu_per_request_ms:.2f}x varnishd CPU per request"
        )
        print(f"  {hit.label} / events cached at the origin: "
              f"{hit.rps / results['events-cached'].rps:.1f}x req/s")  # fmt: skip
        print(f"  {hit.label} / v2 listing: {hit.rps / v2:.0f}x req/s")
    if "events-varnish-ab" in results:
        hit, file = results["events-varnish-ab"], results["static-varnish-ab"]
        to_file = [r["events-varnish-ab"].rps / r["static-varnish-ab"].rps for r in ab_rounds]
        print(
            f"  {hit.label} / {file.label}: median of {len(ab_rounds)} interleaved rounds "
            f"{statistics.median(to_file):.2f} req/s (rounds: "
            f"{', '.join(f'{ratio:.2f}' for ratio in to_file)}), "
            f"{hit.cpu_per_request_ms / file.cpu_per_request_ms:.2f}x varnishd CPU per request"
        )
    if publish_timings:
        total, after = zip(*publish_timings, strict=True)
        print(
            f"  publish to changed answer through Varnish ({len(total)} rounds): median "
            f"{statistics.median(total) * 1000:.0f} ms, max {max(total) * 1000:.0f} ms; after "
            f"the publish returned: median {statistics.median(after) * 1000:.0f} ms, "
            f"max {max(after) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
