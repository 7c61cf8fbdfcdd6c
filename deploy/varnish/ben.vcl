vcl 4.1;

# Varnish 7 in front of BEN's app servers (Debian packages `varnish` and `varnish-modules`).
#
# - caches GET/HEAD answers for as long as BEN's Cache-Control allows (s-maxage);
# - BEN purges by surrogate key (`xkey` response header) after every publication change:
#   `PURGE /` with `xkey-purge: events structure` (cms.api.frontend_cache); a plain
#   `PURGE <url>` purges one URL (Wagtail's HTTP frontend-cache backend);
# - purges only from the addresses in `acl purgers`;
# - never caches /admin/, non-GET requests, requests with a preview token, an API key or
#   an Authorization header (a key buys higher limits at the origin, not a cache hit);
# - normalises Accept-Language to the languages BEN speaks (de, en) before hashing;
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

# The file server (nginx, Caddy) for /static/ (STATIC_ROOT after collectstatic) and /media/
# (MEDIA_ROOT, shared by all app servers): Django serves neither in production.
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
        return (purge);
    }

    # The languages BEN speaks: the first of de/en the client lists; none of them leaves
    # the choice to the endpoint's default. At most three variants per URL.
    if (req.http.Accept-Language ~ "(?i)(^|,)\s*(de|en)(-[a-z0-9]+)*\s*(;|,|$)") {
        set req.http.Accept-Language = std.tolower(regsub(req.http.Accept-Language,
            "(?i)^.*?(?:^|,)\s*(de|en)(?:-[a-z0-9]+)*\s*(?:;|,|$).*$", "\1"));
    } else {
        unset req.http.Accept-Language;
    }

    if (req.url ~ "^/(admin|django-admin)(/|$)") {
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.X-Api-Key || req.http.Authorization || req.url ~ "[?&]preview_token=") {
        return (pass);
    }
    if (req.url ~ "^/(static|media)/") {
        set req.backend_hint = files;
        unset req.http.Cookie;
    } elsif (req.url ~ "^/api/") {
        unset req.http.Cookie;
    } elsif (req.http.Cookie) {
        return (pass);  # a staff session on the public site
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.Accept-Language);
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
    # A failing origin must not replace what is cached: keep serving the stale copy.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Cache what BEN declares cacheable; files are cached for the default TTL.
    if (!beresp.http.Cache-Control && bereq.url !~ "^/(static|media)/") {
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
    set resp.http.X-Cache = req.http.x-ben-cache;
}
