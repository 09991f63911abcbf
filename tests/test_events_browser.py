"""What a visitor does in the Agenda, in a real browser: next month, an event, its .ics,
registration, and the confirmation mail on a real SMTP server on loopback."""

import datetime
import re
from pathlib import Path

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from playwright.sync_api import expect

from events.month import shift_month
from tests.factories_events import local, make_event, make_kind
from tests.mailqueue import deliver

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def next_month_event():
    cache.clear()  # rate-limit counters
    day = shift_month(timezone.localdate(), 1) + datetime.timedelta(days=14)
    kind = make_kind("conference", name_it="Convegno", name_en="Conference")
    return make_event(
        kind,
        title_it="Convegno annuale",
        title_en="Annual conference",
        summary_en="Where the Plan stands.",
        start=local(day.year, day.month, day.day, 9, 30),
        end=local(day.year, day.month, day.day, 17, 0),
        venue_name_it="Politecnico di Torino",
        venue_address="Corso Duca degli Abruzzi 24, Torino",
        registration_enabled=True,
        seats=100,
    )


def test_visitor_finds_an_event_next_month_adds_it_and_registers(
    page, next_month_event, smtp_server
):
    event = next_month_event
    day = event.local_start_date
    month_name = day.strftime("%B %Y")  # English month names, as the page shows them

    page.goto("/en/")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Agenda").click()
    page.wait_for_url("**/en/agenda/")
    expect(page.locator("h1")).to_have_text(re.compile("agenda", re.IGNORECASE))

    page.get_by_role("link", name=f"Next month: {month_name}").click()
    page.wait_for_url(f"**/en/agenda/{day.year}/{day.month}/")
    calendar = page.get_by_role("table", name=month_name)
    expect(calendar.get_by_role("columnheader")).to_have_count(7)
    expect(calendar.get_by_role("link", name=f"{day.day} (1 event)")).to_be_visible()

    page.get_by_role("link", name="Annual conference").click()
    page.wait_for_url("**/annual-conference/")
    expect(page.locator("h1")).to_have_text(re.compile("annual conference", re.IGNORECASE))
    expect(page.locator(".event__facts")).to_contain_text(day.strftime("%-d %B %Y"))
    expect(page.locator(".event__facts")).to_contain_text("Politecnico di Torino")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar").click()
    download = download_info.value
    assert download.suggested_filename == "annual-conference.ics"
    calendar_file = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    (vevent,) = calendar_file.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Annual conference"
    assert vevent.decoded("DTSTART") == event.start
    with translation.override("en"):
        assert str(vevent["URL"]) == settings.SITE_URL + event.get_absolute_url()

    form = page.locator("form.registration__form")
    expect(page.get_by_text("100 seats left.")).to_be_visible()
    form.get_by_label("Name and surname").fill("Anna Rossi")
    form.get_by_label("E-mail").fill("anna@example.org")
    form.get_by_label("Organisation").fill("Comune di Torino")
    form.get_by_role("checkbox").check()
    form.get_by_role("button", name="Register").click()

    expect(page.get_by_role("status")).to_contain_text(
        "A seat is held for you. To keep it, open the link we have sent to anna@example.org "
        "within 24 hours."
    )
    expect(page.get_by_text("99 seats left.")).to_be_visible()

    # The page says so once the registration is committed with its mail queued: one run of
    # the mail worker hands it to the SMTP server, which holds it when the run returns.
    assert deliver() == (1, 0, 0)
    (message,) = smtp_server.messages
    assert message.envelope_to == ["anna@example.org"]
    assert message["Subject"] == "Please confirm your registration: Annual conference"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Anna Rossi" not in body  # the visitor's words are not in our mail
    confirm = re.search(r"https?://\S+/en/agenda/registration/confirm/[^/\s]+/", body).group()
    page.goto(confirm.replace(settings.SITE_URL, ""))
    page.get_by_role("button", name="Confirm my registration").click()
    expect(page.get_by_role("status")).to_contain_text("your registration for")
    assert deliver() == (1, 0, 0)
    message = smtp_server.messages[-1]
    assert message["Subject"] == "Registration confirmed: Annual conference"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert re.search(r"/en/agenda/registration/cancel/[^/\s]+/", body)


def test_agenda_pages_pass_axe_wcag_aa(page, next_month_event):
    axe = Axe()
    day = next_month_event.local_start_date
    with translation.override("en"):
        english_url = next_month_event.get_absolute_url()
    for path in [
        "/en/agenda/",
        f"/en/agenda/{day.year}/{day.month}/",
        "/it/agenda/archivio/",
        english_url,
    ]:
        page.goto(path)
        results = axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
        assert results.violations_count == 0, (path, results.generate_report())


def test_calendar_holds_at_320_pixels(page, next_month_event):
    page.set_viewport_size({"width": 320, "height": 640})
    day = next_month_event.local_start_date
    page.goto(f"/it/agenda/{day.year}/{day.month}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
