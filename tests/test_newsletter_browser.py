"""The whole journey in a browser: subscribe in English, confirm from the mail, receive a
newsletter, leave with one click — reading the mails the SMTP server on loopback received."""

import pytest
from django.core.cache import cache

from newsletter.models import Subscriber
from newsletter.sending import queue_newsletter, send_pending
from tests.factories_newsletter import links, make_interest, make_newsletter, part, path_of
from tests.mailqueue import deliver

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_subscribe_confirm_receive_and_leave(page, live_server, smtp_server, settings):
    cache.clear()
    settings.SITE_URL = live_server.url
    make_interest(name_it="Agenda", name_en="Agenda")

    page.goto("/en/")
    page.get_by_role("link", name="mailing list", exact=True).click()
    page.wait_for_url("**/en/mailing-list/")
    assert page.locator("h1").inner_text() == "MAILING LIST"
    form = page.locator("form.subscribe-form")
    form.get_by_label("E-mail address").fill("reader@example.org")
    assert form.get_by_label("English").is_checked()  # the page's language is the default
    form.get_by_label("Agenda").check()
    form.get_by_role("button", name="Subscribe").click()
    # Without the consent the form comes back with the reason.
    assert "Please accept the privacy notice" in page.locator("main").inner_text()
    form = page.locator("form.subscribe-form")
    form.get_by_label("I have read the privacy notice").check()
    form.get_by_role("button", name="Subscribe").click()
    page.wait_for_url("**/en/mailing-list/check-your-inbox/")
    assert page.locator("h1").inner_text() == "CHECK YOUR INBOX"

    deliver()  # the mail worker's run
    [confirmation] = smtp_server.messages
    assert confirmation.envelope_to == ["reader@example.org"]
    url = next(u for u in links(part(confirmation, "plain")) if "/confirm/" in u)
    assert url.startswith(live_server.url)
    page.goto(url)
    assert Subscriber.objects.get().status == "pending"  # opening the link is not enough
    page.get_by_role("button", name="Confirm my subscription").click()
    assert "your subscription is confirmed" in page.locator("main").inner_text()
    assert Subscriber.objects.get().status == "confirmed"

    newsletter = make_newsletter(subject_en="Autumn news", body_en="<p>The forums start.</p>")
    queue_newsletter(newsletter)
    assert send_pending()["sent"] == 1
    received = smtp_server.messages[-1]
    assert received["Subject"] == "Autumn news"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "The forums start." in part(received, "plain")
    unsubscribe = next(u for u in links(part(received, "html")) if "/unsubscribe/" in u)

    page.goto(unsubscribe)
    assert page.locator("h1").inner_text() == "LEAVE THE MAILING LIST"
    assert Subscriber.objects.get().status == "confirmed"  # a scanner's GET changes nothing
    page.get_by_role("button", name="Unsubscribe").click()
    assert "no longer on the mailing list" in page.locator("main").inner_text()
    assert Subscriber.objects.get().status == "unsubscribed"
    assert page.url.endswith(path_of(unsubscribe))
