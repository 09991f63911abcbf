"""Shared fixtures: a real browser (Debian's Chromium), a real SMTP server on loopback,
and the rules that keep CI honest (nothing skipped; PostgreSQL-only tests only there)."""

import os
import shutil
import socket
from email import message_from_bytes, policy

import hypothesis
import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import override_settings
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; the ORM calls that the
# tests make around it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_configure(config):
    # The manifest storage needs `collectstatic`; tests use the finders instead. Through
    # override_settings, so that storages an app already opened at start-up are renewed.
    override_settings(
        STORAGES={
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        # A fast hasher: no test is about the cost of hashing, and logins are many.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ).enable()
    django_settings.WHITENOISE_USE_FINDERS = True
    # The test client and the live server speak plain HTTP on loopback.
    django_settings.SECURE_SSL_REDIRECT = False
    django_settings.SESSION_COOKIE_SECURE = django_settings.CSRF_COOKIE_SECURE = False
    # The page cache outlives a test; tests/test_page_cache.py turns it on where it is tested.
    django_settings.PAGE_CACHE_SECONDS = 0


def pytest_collection_modifyitems(config, items):
    """On SQLite, leave out (not skip) the tests that need PostgreSQL."""
    if connection.vendor == "postgresql":
        return
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("postgresql") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_sessionfinish(session, exitstatus):
    """A skipped test hides a failure in CI: make any skip fail the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped and session.exitstatus == 0:
        reporter.write_line(f"{skipped} test(s) skipped: skips are failures here.", red=True)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes its uploads in a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _nothing_kept():
    """What pages keep until content changes (torino_portal/fragments.py) outlives a test,
    and the rolled-back rows of the last test sent no signal."""
    from torino_portal import fragments

    fragments.forget()


@pytest.fixture(autouse=True)
def _italian_first():
    """Each test starts in Italian: a request to /en/ leaves English active in the thread."""
    translation.activate("it")
    yield
    translation.deactivate()


# --- A real browser ------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"No Chromium at {CHROMIUM}: `apt-get install chromium` (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (English browser locale) against the live test server."""
    context = browser.new_context(locale="en-GB", base_url=live_server.url)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


# --- A real SMTP server on loopback --------------------------------------------------


class _Inbox:
    """What the SMTP server received, as parsed `EmailMessage`s."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        message.envelope_to = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """An aiosmtpd server on 127.0.0.1; Django sends to it. Yields the inbox."""
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


# --- Property-based tests (Hypothesis) ----------------------------------------------------
# Bounded and repeatable: a fixed number of derandomized examples, no per-example deadline
# (the machine is shared). Function-scoped fixtures (client, database) are fine here: every
# example cleans up what it needs itself.
hypothesis.settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        hypothesis.HealthCheck.function_scoped_fixture,
        hypothesis.HealthCheck.too_slow,
        hypothesis.HealthCheck.data_too_large,
    ],
)
# A deeper search by hand: HYPOTHESIS_PROFILE=thorough (ten times the examples, random).
hypothesis.settings.register_profile(
    "thorough", hypothesis.settings.get_profile("ci"), max_examples=400, derandomize=False
)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
