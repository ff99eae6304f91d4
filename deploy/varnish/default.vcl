vcl 4.1;
# The Meridian's edge. The origins and the purge ACL come from backends.vcl, which
# scripts/cluster/ writes for the instances it starts (deploy/varnish/backends.example.vcl shows
# its shape). varnishd's environment gives MERIDIAN_PURGE_SECRET and MERIDIAN_ERROR_PAGE.

import directors;
import std;
import xkey;

probe origin_health {
    .url = "/robots.txt";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = origins.backend(resolve = LAZY);

    if (req.method == "PURGE") {
        # Both the origin's address and the shared secret: a leaked secret alone purges nothing.
        if (client.ip !~ purgers || std.getenv("MERIDIAN_PURGE_SECRET") == "" ||
            req.http.x-purge-secret != std.getenv("MERIDIAN_PURGE_SECRET")) {
            return (synth(403, "Purge refused"));
        }
        if (!req.http.xkey && !req.http.xkey-soft) {
            return (synth(400, "Purge needs an xkey header"));
        }
        set req.http.x-purged = 0;
        if (req.http.xkey) {
            set req.http.x-purged = xkey.purge(req.http.xkey);
        }
        if (req.http.xkey-soft) {
            set req.http.x-purged = std.integer(req.http.x-purged, 0) +
                xkey.softpurge(req.http.xkey-soft);
        }
        return (synth(200, "Purged " + req.http.x-purged));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # An origin rendering a page to hash its scripts (proxy.server.ts) must reach an origin, not
    # wait behind the reader's request for the same page.
    if (req.http.x-meridian-render && client.ip ~ purgers) {
        return (pass);
    }

    # A preview link is private (its signature is in the query): never looked up, never stored.
    if (req.url ~ "^/preview/") {
        unset req.http.Cookie;
        return (pass);
    }

    # Every page is the same for every reader: cookies and query strings only split the cache.
    # /search and the oEmbed endpoint read their query string.
    unset req.http.Cookie;
    unset req.http.Authorization;
    if (req.url !~ "^/(search|api/oembed)(\?|$)") {
        set req.url = regsub(req.url, "\?.*$", "");
    }

    # While an origin answers, a stale object is served for at most the stale-while-revalidate
    # window; when none does, whatever grace the object has left.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 300s;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # Each retry asks the next origin on the shard ring (alt), not whichever one a counter shared
    # by every concurrent request points at, so a dead origin is not asked twice for one request.
    set bereq.backend = origins.backend(alt = bereq.retries);
    # Cookies never reach the origin (the request was normalised), so neither does a stray one.
    unset bereq.http.Cookie;
}

sub vcl_backend_response {
    # A whole body before the first byte goes out: an origin that dies mid-body fails the fetch,
    # and the request is restarted on another origin (vcl_synth) instead of cut off.
    set beresp.do_stream = false;
    if (beresp.status >= 500 && bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" ||
        beresp.http.Vary == "*") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Origins sharing the cache leave compression to the edge: gzip once, when stored.
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|feed\+json|javascript|manifest\+json))") {
        set beresp.do_gzip = true;
    }
    # Long grace: the edge keeps answering with what it has if every origin goes down.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_backend_error {
    # An origin that died mid-request: ask the next one.
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
    set beresp.status = 503;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    synthetic(std.fileread(std.getenv("MERIDIAN_ERROR_PAGE")));
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    if (resp.status == 503 && req.restarts < 2 && (req.method == "GET" || req.method == "HEAD")) {
        return (restart);
    }
    set resp.http.Cache-Control = "no-store";
    if (resp.status == 200 || resp.status == 400 || resp.status == 403) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        synthetic(resp.reason + {"
"});
        return (deliver);
    }
}
