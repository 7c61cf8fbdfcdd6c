"""Baseline for the benchmark: the same gunicorn serving a file from disk, without Django.

The load script writes the event list's JSON to BENCH_STATIC_FILE, so both bodies have the
same size. Served at any path, cacheable, so the same Varnish can serve it as a file server's
/static/ file; under a path ending in ``with-api-headers.json`` with the response headers the
API sent for it (BENCH_STATIC_HEADERS, JSON), to tell the cost of the headers from the rest.
"""

import json
import os
from pathlib import Path

HOP_HEADERS = {"server", "date", "connection"}


def application(environ, start_response):
    body = Path(os.environ["BENCH_STATIC_FILE"]).read_bytes()
    headers = [
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "public, max-age=3600"),
    ]
    if environ["PATH_INFO"].endswith("with-api-headers.json"):
        headers = [
            (name, value)
            for name, value in json.loads(os.environ.get("BENCH_STATIC_HEADERS", "[]"))
            if name.lower() not in HOP_HEADERS
        ]
    start_response("200 OK", headers)
    return [body]
