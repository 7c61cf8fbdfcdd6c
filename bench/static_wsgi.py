"""Baseline for the benchmark: the same gunicorn serving a file from disk, without Django.

The load script writes the event list's JSON to BENCH_STATIC_FILE, so both bodies have the
same size. Served at any path, cacheable, so the same Varnish can serve it as a file server's
/static/ file.
"""

import os
from pathlib import Path


def application(environ, start_response):
    body = Path(os.environ["BENCH_STATIC_FILE"]).read_bytes()
    start_response(
        "200 OK",
        [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "public, max-age=3600"),
        ],
    )
    return [body]
