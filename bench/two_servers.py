"""Two app servers behind one address, sharing PostgreSQL and Redis: what one does, the other
knows (`make bench` first, for the database).

    .venv/bin/python bench/two_servers.py

Starts two gunicorn instances on two ports and HAProxy (Debian package `haproxy`) in front of
them, round robin, telling the portal the visitor's address in X-Forwarded-For
(`TRUSTED_PROXIES=127.0.0.1`). Then it shows, printing which server answered each request:

1. the mailing list's limit of 5 requests an hour per address holds across both servers;
2. a page both servers have in the page cache shows an edit at once on both;
3. the two visitors behind the proxy are counted apart (their X-Forwarded-For addresses).
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.site_load import ROOT, environment, free_port, start_server, stop_server  # noqa: E402

HAPROXY = """
global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
frontend portal
    bind 127.0.0.1:{front}
    default_backend servers
backend servers
    balance roundrobin
    option forwardfor
    http-response set-header X-Served-By %s
    server one 127.0.0.1:{one}
    server two 127.0.0.1:{two}
"""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """One request each time: a followed redirect would take the next server's turn."""

    def redirect_request(self, *args, **kwargs):
        return None


def opener():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
    )


def fetch(browser, url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with browser.open(request) as answer:
            return answer.status, answer.headers, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def subscribe_six_times(front):
    """One address asks six times; the sixth is refused whichever server answers."""
    browser = opener()
    url = f"http://127.0.0.1:{front}/it/mailing-list/"
    status, headers, html = fetch(browser, url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    for attempt in range(1, 7):
        form = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "email": "stessa@example.org",
                "language": "it",
                "consent": "on",
            }
        ).encode()
        status, headers, _ = fetch(browser, url, form, {"Referer": url})
        print(f"  request {attempt}: server {headers['X-Served-By']} answered {status}")


def edit_shows_on_both(one, two):
    """Both servers store a page; an edit through the ORM renews it on both."""
    os.environ.update(environment(300))
    import django

    django.setup()
    from plans.models import Page

    page = Page.objects.get(slug_it="processo")
    path = page.get_absolute_url()
    for port in (one, two):
        for _ in range(2):
            status, headers, _ = fetch(opener(), f"http://127.0.0.1:{port}{path}")
        print(f"  port {port}: {status}, page cache {headers.get('X-Page-Cache')}")
    original = page.title_it
    page.title_it = f"{original} (rivisto)"
    page.save()
    try:
        for port in (one, two):
            status, headers, html = fetch(opener(), f"http://127.0.0.1:{port}{path}")
            shown = "(rivisto)" in html
            print(
                f"  after the edit, port {port}: page cache {headers.get('X-Page-Cache')}, "
                f"new title shown: {shown}"
            )
    finally:
        page.title_it = original
        page.save()


def visitors_apart(front):
    """Two visitors behind the proxy: the first uses up the 30 requests an hour an address
    may make, the second is still served. (Here both reach HAProxy from loopback, so each
    names itself in X-Forwarded-For; a real proxy appends the real peer's address.)"""
    url = f"http://127.0.0.1:{front}/it/mailing-list/"
    for visitor, requests in (("203.0.113.7", 31), ("198.51.100.9", 1)):
        browser = opener()
        status, headers, html = fetch(browser, url, headers={"X-Forwarded-For": visitor})
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        answers = []
        for n in range(requests):
            form = urllib.parse.urlencode(
                {
                    "csrfmiddlewaretoken": token,
                    "email": f"v{n}-{visitor}@example.org",
                    "language": "it",
                    "consent": "on",
                }
            ).encode()
            status, headers, _ = fetch(
                browser, url, form, {"Referer": url, "X-Forwarded-For": visitor}
            )
            answers.append(f"{status} ({headers['X-Served-By']})")
        print(
            f"  visitor {visitor}: {requests} requests, the last answered {answers[-1]}; "
            f"answers: {dict((a, answers.count(a)) for a in sorted(set(answers)))}"
        )


def main():
    if not (ROOT / "bench" / ".pages.json").exists():
        sys.exit("Run `make bench` first: it fills the database this script uses.")
    subprocess.run(["redis-cli", "-n", "12", "flushdb"], check=True, capture_output=True)
    os.environ["TRUSTED_PROXIES"] = "127.0.0.1"
    subprocess.run(  # the database as the code expects it, if the models moved on
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=environment(300),
        check=True,
    )
    one, two, front = free_port(), free_port(), free_port()
    servers = [start_server(port, 2, 300) for port in (one, two)]
    config = Path(tempfile.mkstemp(suffix=".cfg")[1])
    config.write_text(HAPROXY.format(front=front, one=one, two=two))
    proxy = subprocess.Popen(["haproxy", "-f", str(config)])
    time.sleep(0.5)  # HAProxy binds its port
    try:
        print("1. One address, six requests through the proxy:")
        subscribe_six_times(front)
        print("2. A cached page, edited:")
        edit_shows_on_both(one, two)
        print("3. Two visitors behind the proxy:")
        visitors_apart(front)
    finally:
        proxy.terminate()
        for server in servers:
            stop_server(server)


if __name__ == "__main__":
    main()
