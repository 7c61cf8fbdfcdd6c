"""Real Varnish with the shipped deploy/varnish/ben.vcl in front of a live test server.

Runs wherever varnishd is installed (Debian: varnish, varnish-modules; .ci/run installs
them); skipped with a message elsewhere, but never under CI (CI=true), where a missing
varnishd fails the test.
"""

import datetime as dt
import functools
import http.client
import http.server
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer
from wagtail_factories import ImageFactory

from cms.api.frontend_cache import SurrogateKeyBackend
from cms.api.preview import make_token
from cms.moderation.media import is_public
from cms.moderation.models import ClubEditorGroup
from cms.pages.models import EventPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VCL = Path(__file__).resolve().parents[3] / "deploy" / "varnish" / "ben.vcl"
SHIPPED_BACKEND = '.host = "127.0.0.1";\n    .port = "8000";'
SHIPPED_FILES = '.host = "127.0.0.1";\n    .port = "8080";'


def varnishd() -> str:
    found = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
    if found:
        return found
    message = "varnishd is not installed (Debian: apt-get install varnish varnish-modules)"
    if os.environ.get("CI"):
        pytest.fail(message + "; CI must run the Varnish test")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Varnish:
    def __init__(self, binary: str, origin_port: int, files_port: int):
        self.port = free_port()
        self.workdir = Path(tempfile.mkdtemp(prefix="ben-varnish-"))
        self.workdir.chmod(0o755)  # varnishd's unprivileged worker reads the compiled VCL
        shipped = VCL.read_text()
        assert SHIPPED_BACKEND in shipped and SHIPPED_FILES in shipped
        vcl = self.workdir / "ben.vcl"
        vcl.write_text(
            shipped.replace(
                SHIPPED_BACKEND, SHIPPED_BACKEND.replace("8000", str(origin_port))
            ).replace(SHIPPED_FILES, SHIPPED_FILES.replace("8080", str(files_port)))
        )
        vcl.chmod(0o644)
        self.process = subprocess.Popen(
            [
                binary, "-F", "-n", str(self.workdir), "-f", str(vcl),
                "-a", f"127.0.0.1:{self.port}", "-s", "malloc,32m",
                "-p", "thread_pool_min=10", "-p", "thread_pools=1",
                # Idle connections to the origin close after a second, so that a stopped
                # origin is down for Varnish, not still answering on a kept-alive connection.
                "-p", "backend_idle_timeout=1",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        for _ in range(300):
            if self.process.poll() is not None:
                output = self.process.stdout.read().decode(errors="replace")
                raise RuntimeError(f"varnishd exited with {self.process.returncode}:\n{output}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("varnishd did not start listening")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, path, method="GET", headers=None, source="127.0.0.1"):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=10, source_address=(source, 0)
        )
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            return response, response.read()
        finally:
            connection.close()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.workdir, ignore_errors=True)


class Origin(LiveServer):
    """pytest-django's live server, one per test, so that a test may take it down. Django's
    own handler only, as gunicorn runs it: the live server's default file handlers would
    serve MEDIA_ROOT themselves, past the approval check of serve_image_file."""

    def __init__(self, addr: str):
        super().__init__(addr, start=False)
        self.thread.static_handler = lambda files_handler: files_handler.application
        self.start()

    def go_down(self) -> None:
        """Stop answering; the database connection shared with the server's threads (in
        SQLite's memory) stays shared until Varnish has closed its kept-alive connections."""
        self.thread.terminate()

    def finish(self) -> None:
        if self.thread.is_alive():
            self.thread.terminate()
        for thread in threading.enumerate():
            if thread.name.endswith("(process_request_thread)"):
                thread.join(timeout=10)
        for connection in self.thread.connections_override.values():
            connection.dec_thread_sharing()


@pytest.fixture
def origin(transactional_db):
    server = Origin("127.0.0.1:0")
    yield server
    server.finish()  # after the varnish fixture stopped Varnish


@pytest.fixture
def file_server(settings):
    """The VCL's `files` backend: a web server with /static/ and, as a misconfigured one
    would, MEDIA_ROOT under /media/, so that a request sent there would get the file."""
    root = Path(tempfile.mkdtemp(prefix="ben-files-"))
    (root / "static").mkdir()
    (root / "static" / "probe.txt").write_text("static probe")
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    (root / "media").symlink_to(settings.MEDIA_ROOT)
    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    server.server_close()
    shutil.rmtree(root, ignore_errors=True)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(origin, file_server, settings):
    binary = varnishd()
    cache = Varnish(binary, origin.thread.port, file_server)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "cms.api.frontend_cache.SurrogateKeyBackend",
            "LOCATION": cache.url,
        }
    }
    yield cache
    cache.stop()


def test_second_read_is_a_hit_and_carries_no_internal_keys(varnish, content):
    first, body = varnish.request("/api/v1/events/")
    assert first.status == 200
    assert first.getheader("X-Cache") == "MISS"
    second, again = varnish.request("/api/v1/events/")
    assert second.getheader("X-Cache") == "HIT"
    assert second.getheader("Age") is not None
    assert again == body
    assert second.getheader("xkey") is None
    assert "events" in second.getheader("Surrogate-Key").split()


def test_accept_language_is_normalised_before_hashing(varnish, content):
    def read(accept_language):
        response, _ = varnish.request(
            "/api/v1/events/", headers={"Accept-Language": accept_language}
        )
        return response.getheader("X-Cache"), response.getheader("Content-Language")

    assert read("de-DE,de;q=0.9") == ("MISS", "de")
    assert read("de-AT, en") == ("HIT", "de")
    assert read("en-GB") == ("MISS", "en")
    # q-values: q=0 refuses a language, the higher q wins, equal q: the first listed.
    assert read("en;q=0, de") == ("HIT", "de")
    assert read("de;q=0.5, en") == ("HIT", "en")
    assert read("en-US;q=0.8, de-CH;q=0.9, fr") == ("HIT", "de")
    assert read("fr, en;q=0.7, de;q=0.7") == ("HIT", "en")
    assert read("de;q=0.000, en;q=0.001") == ("HIT", "en")
    assert read("de;q=0")[1] == "en"  # neither: the content API's default
    assert read("deu, dsb")[1] == "en"  # not German by a prefix


def test_a_url_purge_drops_every_language_variant(varnish, content):
    languages = ({"Accept-Language": "de"}, {"Accept-Language": "en"}, {})
    for headers in languages:
        varnish.request("/api/v1/events/", headers=headers)
        assert varnish.request("/api/v1/events/", headers=headers)[0].getheader("X-Cache") == "HIT"
    # Wagtail's HTTP backend (what the frontend-cache app sends for one URL)
    SurrogateKeyBackend({"LOCATION": varnish.url}).purge(f"{varnish.url}/api/v1/events/")
    for headers in languages:
        assert varnish.request("/api/v1/events/", headers=headers)[0].getheader("X-Cache") == "MISS"
    assert varnish.request("/", method="PURGE", source="127.0.0.2")[0].status == 403


def test_media_come_from_the_app_which_serves_a_club_upload_only_once_approved(varnish, content):
    club_collection = ClubEditorGroup.objects.get(club=content["club"]).collection
    private = ImageFactory(title="Noch nicht freigegeben", collection=club_collection)
    public = ImageFactory(title="Freigegeben")
    assert not is_public(private) and is_public(public)
    for headers in ({"Cookie": "sessionid=abc"}, {}):
        refused, _ = varnish.request(private.file.url, headers=headers)
        assert refused.status == 404  # the file server has it; Varnish must not ask it
    first, body = varnish.request(public.file.url)
    assert first.status == 200 and first.getheader("X-Cache") == "MISS"
    assert first.getheader("Cache-Control") == "public, max-age=86400"
    again, same = varnish.request(public.file.url, headers={"Accept-Language": "en"})
    assert again.getheader("X-Cache") == "HIT" and same == body  # one copy for all languages
    static, text = varnish.request("/static/probe.txt", headers={"Cookie": "sessionid=abc"})
    assert (static.status, text) == (200, b"static probe")  # only /static/ from files
    assert varnish.request("/static/probe.txt")[0].getheader("X-Cache") == "HIT"


def test_media_pass_only_for_a_session_other_cookies_are_dropped(varnish, content, settings):
    """A visitor of an intake form carries `csrftoken` (analytics add their own): still a
    cache hit. Only a session (staff may see unapproved files) reaches the origin."""
    assert settings.SESSION_COOKIE_NAME == "sessionid"  # the name the VCL looks for
    public = ImageFactory(title="Freigegeben")
    first, body = varnish.request(public.file.url, headers={"Cookie": "csrftoken=x"})
    assert first.status == 200 and first.getheader("X-Cache") == "MISS"
    for cookie in ("csrftoken=x", "_pk_id=1; csrftoken=y", "mysessionid=1"):
        again, same = varnish.request(public.file.url, headers={"Cookie": cookie})
        assert again.getheader("X-Cache") == "HIT", cookie
        assert same == body and again.getheader("Set-Cookie") is None
    for cookie in ("sessionid=abc", "csrftoken=x; sessionid=abc", "csrftoken=x;sessionid=abc"):
        staff, same = varnish.request(public.file.url, headers={"Cookie": cookie})
        assert (staff.status, staff.getheader("X-Cache")) == (200, "PASS"), cookie
        assert same == body


def test_admin_other_methods_pass_and_api_cookies_are_stripped(varnish, content):
    for _ in range(2):
        admin, _ = varnish.request("/admin/login/")
        assert admin.status == 200 and admin.getheader("X-Cache") == "PASS"
    assert varnish.request("/api/v1/events/")[0].getheader("X-Cache") == "MISS"
    for method in ("POST", "OPTIONS", "DELETE"):
        response, _ = varnish.request("/api/v1/events/", method=method)
        assert response.getheader("X-Cache") == "PASS", method
    with_cookie, _ = varnish.request(
        "/api/v1/events/", headers={"Cookie": "sessionid=abc; csrftoken=x"}
    )
    assert with_cookie.getheader("X-Cache") == "HIT"  # the cookie neither passes nor varies
    assert with_cookie.getheader("Set-Cookie") is None


def test_publishing_purges_so_the_next_read_shows_the_change(varnish, content):
    event = content["event"]
    for path in ("/api/v1/events/", f"/api/v1/events/{event.pk}/"):
        varnish.request(path)
        assert varnish.request(path)[0].getheader("X-Cache") == "HIT"
    event.title = "Offenes Treffen – neuer Termin"
    event.save_revision().publish()
    for path in ("/api/v1/events/", f"/api/v1/events/{event.pk}/"):
        response, body = varnish.request(path)
        assert response.getheader("X-Cache") == "MISS"
        assert "Offenes Treffen – neuer Termin" in body.decode()


def test_scheduled_publishing_purges_like_a_manual_publish(varnish, content, monkeypatch):
    """`manage.py publish_scheduled` (the ben-publish-scheduled timer) at the go-live time."""
    event = EventPage.objects.get(pk=content["event"].pk)
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    event.title = "Offenes Treffen – geplant"
    event.go_live_at = now + dt.timedelta(hours=1)
    event.save_revision().publish()
    path = f"/api/v1/events/{event.pk}/"
    varnish.request(path)
    response, body = varnish.request(path)
    assert response.getheader("X-Cache") == "HIT" and "geplant" not in body.decode()
    monkeypatch.setattr(timezone, "now", lambda: now + dt.timedelta(hours=1, minutes=1))
    call_command("publish_scheduled")
    response, body = varnish.request(path)
    assert response.getheader("X-Cache") == "MISS"
    assert "Offenes Treffen – geplant" in body.decode()


def test_preview_token_and_api_key_requests_are_never_cached(varnish, content):
    event = content["event"]
    event.title = "Entwurf"
    revision = event.save_revision()
    path = f"/api/v1/events/{event.pk}/?preview_token={make_token(event, revision)}"
    for _ in range(2):
        response, body = varnish.request(path)
        assert response.status == 200, body[:300]
        assert response.getheader("X-Cache") == "PASS"
        assert response.getheader("Cache-Control") == "private, no-store"
        assert "Entwurf" in body.decode()
    keyed, _ = varnish.request("/api/v1/events/", headers={"X-Api-Key": "unknown"})
    assert keyed.getheader("X-Cache") == "PASS"
    assert keyed.getheader("Cache-Control") == "private, no-store"


def test_purge_from_an_address_not_allowed_is_refused(varnish, content):
    varnish.request("/api/v1/events/")
    refused, _ = varnish.request(
        "/", method="PURGE", headers={"xkey-purge": "events"}, source="127.0.0.2"
    )
    assert refused.status == 403
    assert varnish.request("/api/v1/events/")[0].getheader("X-Cache") == "HIT"
    allowed, _ = varnish.request("/", method="PURGE", headers={"xkey-purge": "events"})
    assert allowed.status == 200
    assert varnish.request("/api/v1/events/")[0].getheader("X-Cache") == "MISS"


def test_cached_url_is_served_within_grace_while_the_origin_is_down(
    varnish, origin, content, settings
):
    settings.API_CDN_MAX_AGE = 1
    first, body = varnish.request("/api/v1/events/")
    assert first.getheader("Cache-Control").endswith("s-maxage=1")
    origin.go_down()
    time.sleep(2)  # past the TTL and the idle connections: only grace can still answer
    stale, again = varnish.request("/api/v1/events/")
    assert stale.status == 200
    assert stale.getheader("X-Cache") == "HIT-STALE"
    assert again == body
    assert varnish.request("/api/v1/clubs/")[0].status == 503  # never cached: origin down
