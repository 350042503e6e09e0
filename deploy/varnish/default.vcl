# Varnish in front of the newsroom's gunicorn (Varnish 6/7, VCL 4.1).
#
# What is cached is what the application says may be: a response with
# `Cache-Control: public, ..., s-maxage=N` (anonymous visitors' pages, when the
# page cache is on, see website/cache_middleware.py), kept N seconds. Everything
# else is fetched for each request. Publishing purges the changed page and the
# pages listing it (wagtail.contrib.frontend_cache, FRONTEND_CACHE_URL pointing
# here): a PURGE of an address drops that address with every query string
# (?page=2, ?topic=...).
#
# Installed as /etc/varnish/default.vcl; tests/deploy/ runs this very file
# (with the backend's port and the purge addresses substituted).

vcl 4.1;

# The application (gunicorn, deploy/gunicorn.conf.py).
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# The application's hosts: only they may PURGE. One line per host (or network).
acl purge {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purge) {
            return (synth(405, "PURGE not allowed from this address"));
        }
        # Every cached variant of the path on this host, whatever its query.
        ban("obj.http.X-Cache-Host == " + req.http.host +
            " && obj.http.X-Cache-Path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    # Varnish appends the client's address to X-Forwarded-For by itself: the
    # application counts it (TRUSTED_PROXY_COUNT=1 behind Varnish alone, 2
    # behind nginx and Varnish).

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin (and its previews), Django's admin, private documents, the
    # health check: never from the cache.
    if (req.url ~ "^/(admin|django-admin|documents)/" || req.url ~ "^/healthz") {
        return (pass);
    }
    # Logged-in editors and readers who entered a page's password (the session
    # cookie), and anyone with a message waiting: their own pages.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }

    # Tracking parameters, as the page cache drops them
    # (website/cache_middleware.py, TRACKING_PARAMETERS): the cache key is the
    # address without them; the application still gets the whole address.
    set req.http.X-Cache-Url = regsuball(req.url,
        "(?<=[?&])(utm_[^=&]*|fbclid|gclid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga)(=[^&]*)?(&|$)",
        "");
    set req.http.X-Cache-Url = regsub(req.http.X-Cache-Url, "[?&]+$", "");
    # Other cookies (the CSRF token, analytics) change nothing in an anonymous
    # page; a page the application renders for the cache is rendered without
    # them (vcl_backend_fetch).
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.host);
    hash_data(req.http.X-Cache-Url);
    return (lookup);
}

sub vcl_hit {
    set req.http.X-Cache = "hit";
}

sub vcl_miss {
    set req.http.X-Cache = "miss";
}

sub vcl_pass {
    set req.http.X-Cache = "pass";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache;
    unset bereq.http.X-Cache-Url;
    # A page fetched for the cache is the anonymous one.
    if (!bereq.uncacheable) {
        unset bereq.http.Cookie;
    }
}

sub vcl_backend_response {
    # What the ban of a PURGE matches (removed before delivery).
    set beresp.http.X-Cache-Host = bereq.http.host;
    set beresp.http.X-Cache-Path = regsub(bereq.url, "\?.*$", "");
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Cache-Control !~ "(^|,\s*)public(\s*,|$)" || beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Not for the cache: fetched anew for each request for a minute.
        set beresp.ttl = 60s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # s-maxage is the TTL (Varnish reads it); no serving of stale pages.
    set beresp.grace = 0s;
    set beresp.keep = 0s;
    return (deliver);
}

sub vcl_deliver {
    set resp.http.X-Cache = req.http.X-Cache;
    unset resp.http.X-Cache-Host;
    unset resp.http.X-Cache-Path;
    unset resp.http.Via;
    return (deliver);
}

sub vcl_synth {
    set resp.http.X-Cache = "synth";
    return (deliver);
}
