"""URL canonicalisation and the checks every fetched URL must pass."""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

HTTP_SCHEMES = ("http", "https")

# Query parameters that only track where a reader came from; two URLs that
# differ only in them are the same article.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "zarsrc", "utm_source", "utm_medium",
                             "utm_campaign", "utm_term", "utm_content", "utm_id"})

_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_http_url(url: str) -> bool:
    """True for an absolute ``http:``/``https:`` URL with a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in HTTP_SCHEMES and bool(parts.hostname)


def host_key(url: str) -> str:
    """The host a URL is fetched from: lower-case host name, ``:port`` when not the default."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    port = parts.port
    scheme = parts.scheme.lower()
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        return f"{host}:{port}"
    return host


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no
    fragment, no tracking parameters, remaining query parameters sorted.

    The path is kept as written (servers may treat case in paths as significant).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    # host_key drops any user:password@ part: credentials never belong in a stored URL.
    netloc = host_key(url)
    # Percent-encode what a browser (and Scrapy) would, keep existing %XX escapes,
    # so a link written with raw Vietnamese letters and its fetched form are one URL.
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query_pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if k.lower() not in TRACKING_PARAMS]
    query = urlencode(sorted(query_pairs))
    return urlunsplit((scheme, netloc, path, query, ""))
