"""A real server on a free loopback port and Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import socket
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@contextlib.contextmanager
def serve(app):
    """Serve ``app`` over HTTP on a free 127.0.0.1 port in a background thread; yield its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()


@pytest.fixture()
def live_server(make_app):
    """Every region seeded, with the demo users, on a database of the test's own (a copy of the
    seeded template: milliseconds): a browser test may write, and no other test sees it."""
    with serve(make_app(seed=True, users=True)) as url:
        yield url


@pytest.fixture()
def writable_server(make_app):
    """Lampung and Kota Metro seeded on a database of the test's own, for tests that enter data."""
    with serve(make_app(regions=["prov_lampung", "kota_metro"], seed=True, users=True)) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    blocked = []
    # No CDN, no internet: any request leaving the loopback is a defect.
    page.on("request", lambda r: blocked.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    yield page
    context.close()
    assert blocked == [], f"requests left the machine: {blocked}"
