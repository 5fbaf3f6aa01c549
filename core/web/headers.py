"""Security headers on every response, and which client address Pelita believes.

The content security policy forbids inline script and framing; authenticated pages and
downloads are never cached by browsers or proxies. Proxy headers (``X-Forwarded-For`` ...)
are trusted only when ``PELITA_TRUSTED_PROXIES`` says how many proxies stand in front.
"""

from __future__ import annotations

import hashlib

from flask import Flask, has_request_context, request
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    # Templates set CSS custom properties in style attributes (bar widths, colours); no script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))


class SessionInterface(SecureCookieSessionInterface):
    """Session cookies marked ``Secure`` whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or (has_request_context() and request.is_secure)


def install(app: Flask) -> None:
    """Trust proxies only as configured; add the security headers to every response."""
    app.session_interface = SessionInterface()
    proxies = int(app.config.get("TRUSTED_PROXIES", 0) or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    @app.after_request
    def _security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        if request.endpoint != "static" and (current_user.is_authenticated or request.path.startswith("/api/")):
            headers["Cache-Control"] = "no-store"
            headers["Pragma"] = "no-cache"
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


def session_identifier() -> str:
    """What binds a session to its client: the address the server saw and the user agent.

    Flask-Login's own identifier reads ``X-Forwarded-For``, which any client can set; this
    one uses ``remote_addr``, which only :class:`ProxyFix` (configured proxies) rewrites.
    """
    agent = request.headers.get("User-Agent", "")
    return hashlib.sha512(f"{request.remote_addr}|{agent}".encode()).hexdigest()
