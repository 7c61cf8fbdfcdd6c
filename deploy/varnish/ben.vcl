vcl 4.1;

# Varnish 7 in front of BEN's app servers (Debian packages `varnish` and `varnish-modules`).
#
# - caches GET/HEAD answers for as long as BEN's Cache-Control allows (s-maxage);
# - BEN purges by surrogate key (`xkey` response header) after every publication change:
#   `PURGE /` with `xkey-purge: events structure` (cms.api.frontend_cache); a plain
#   `PURGE <url>` (Wagtail's HTTP frontend-cache backend, or by hand) drops that URL in every
#   language variant;
# - purges only from the addresses in `acl purgers`;
# - never caches /admin/, non-GET requests, requests with a preview token, an API key or
#   an Authorization header (a key buys higher limits at the origin, not a cache hit);
# - normalises Accept-Language to the one of BEN's languages (de, en) the client prefers,
#   by q-value, before hashing;
# - sends /media/ to the app servers: BEN serves a club's upload only once it is approved;
#   passes /media/ only with a session cookie (staff may see unapproved files), else
#   drops the cookies and caches as BEN's Cache-Control says;
# - serves stale content for `beresp.grace` while the origin is down or failing.
#
# docs/deployment.md explains the topology and how to run it.

import directors;
import std;
import xkey;

# One backend per app server (gunicorn); add more and list them in vcl_init.
backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# The file server (nginx, Caddy) for /static/ (STATIC_ROOT after collectstatic) only. Never
# point it to MEDIA_ROOT: images under /media/ and documents under /documents/ come from
# the app servers, which check that a club's upload was approved (cms.moderation.media).
backend files {
    .host = "127.0.0.1";
    .port = "8080";
}

# Who may purge: the app servers (and db_worker hosts) that run BEN. Varnish sees the
# address of the TCP peer: a TLS terminator in front must speak the PROXY protocol
# (e.g. hitch, haproxy `send-proxy`), or every client would purge from its address.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone + " objects"));
        }
        # Every language variant of the URL (vcl_hash adds the language): a ban on the
        # URL that vcl_backend_response stores with each object.
        if (std.ban("obj.http.x-ben-url == " + req.url)) {
            return (synth(200, "Purged " + req.url));
        }
        return (synth(400, std.ban_error()));
    }

    # The languages BEN speaks: of de and en, the one with the higher q-value (the first
    # entry of each counts; q=0 means "not this one"); equal: the one listed first; neither:
    # the endpoint's default. At most three variants per URL.
    set req.http.x-al = "," + regsuball(std.tolower(req.http.Accept-Language), "\s+", "") + ",";
    set req.http.x-al = regsuball(req.http.x-al, ",[^,]*;q=0(?:\.0*)?(?=[,;])[^,]*", "");
    set req.http.x-q-de = "0";
    set req.http.x-q-en = "0";
    if (req.http.x-al ~ ",de(-[a-z0-9]+)*[;,]") {
        set req.http.x-q-de = regsub(req.http.x-al,
            "^.*?,de(?:-[a-z0-9]+)*(?=[;,])(?:;[^,]*?q=([0-9.]+))?[^,]*,.*$", "\1");
    }
    if (req.http.x-al ~ ",en(-[a-z0-9]+)*[;,]") {
        set req.http.x-q-en = regsub(req.http.x-al,
            "^.*?,en(?:-[a-z0-9]+)*(?=[;,])(?:;[^,]*?q=([0-9.]+))?[^,]*,.*$", "\1");
    }
    if (std.real(req.http.x-q-de, 1.0) > std.real(req.http.x-q-en, 1.0)) {
        set req.http.Accept-Language = "de";
    } elsif (std.real(req.http.x-q-en, 1.0) > std.real(req.http.x-q-de, 1.0)) {
        set req.http.Accept-Language = "en";
    } elsif (req.http.x-q-de != "0") {
        set req.http.Accept-Language = regsub(req.http.x-al,
            "^.*?,(de|en)(?:-[a-z0-9]+)*[;,].*$", "\1");
    } else {
        unset req.http.Accept-Language;
    }
    unset req.http.x-al;
    unset req.http.x-q-de;
    unset req.http.x-q-en;

    if (req.url ~ "^/(admin|django-admin)(/|$)") {
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.X-Api-Key || req.http.Authorization || req.url ~ "[?&]preview_token=") {
        return (pass);
    }
    if (req.url ~ "^/static/") {
        set req.backend_hint = files;
        unset req.http.Cookie;
    } elsif (req.url ~ "^/api/") {
        unset req.http.Cookie;
    } elsif (req.url ~ "^/media/") {
        # Only a staff session sees an image not yet approved (cms.moderation.media); any
        # other cookie (the intake forms' csrftoken, analytics) must not cost readers the
        # cache. `sessionid` is Django's SESSION_COOKIE_NAME, which BEN keeps.
        if (req.http.Cookie ~ "(^|;)\s*sessionid=") {
            return (pass);
        }
        unset req.http.Cookie;
    } elsif (req.http.Cookie) {
        # The public site (pages, /documents/, the intake forms): none of it is cacheable
        # (pages and documents carry no Cache-Control, the forms `no-store`), so dropping
        # cookies would gain no hit and lose what the origin needs them for: the forms'
        # CSRF token, the Wagtail userbar of a staff session, unapproved documents for staff.
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    if (req.url !~ "^/(static|media)/") {
        hash_data(req.http.Accept-Language);  # files are the same in every language
    }
    # continues with the built-in vcl_hash: URL and Host
}

sub vcl_hit {
    set req.http.x-ben-cache = "HIT";
    if (obj.ttl < 0s) {
        set req.http.x-ben-cache = "HIT-STALE";  # in grace: refreshed in the background
    }
}

sub vcl_miss {
    set req.http.x-ben-cache = "MISS";
}

sub vcl_pass {
    set req.http.x-ben-cache = "PASS";
}

sub vcl_backend_fetch {
    unset bereq.http.x-ben-cache;
}

sub vcl_backend_response {
    if (bereq.url ~ "^/api/") {
        unset beresp.http.Set-Cookie;
    }
    if (bereq.url ~ "^/(static|media)/") {
        unset beresp.http.Vary;  # Django's locale middleware varies every answer by language
    }
    # A failing origin must not replace what is cached: keep serving the stale copy.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # For a URL purge (vcl_recv) of every variant; removed on delivery.
    set beresp.http.x-ben-url = bereq.url;
    # Cache what BEN declares cacheable (an approved file under /media/: a day; a refused
    # one: never); /static/ is cached for the default TTL.
    if (!beresp.http.Cache-Control && bereq.url !~ "^/static/") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 6h;
    # continues with the built-in vcl_backend_response: s-maxage/max-age, private, no-store
}

sub vcl_backend_error {
    if (bereq.is_bgfetch) {
        return (abandon);  # origin down: the stale copy stays
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.x-ben-url;
    set resp.http.X-Cache = req.http.x-ben-cache;
}
