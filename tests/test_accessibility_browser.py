"""Accessibility in a real browser (issue 10): a keyboard-only journey, and axe on every page
type in both languages and on the error state of every public form."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from commissions.models import Commission, Meeting, Topic
from events.models import Event
from events.month import shift_month
from newsletter.models import Newsletter
from plans.models import Direction, Page, Plan
from press.models import Clipping, Issue, Publication
from tests.factories_content import load_app, load_content
from tests.factories_events import local, make_event, make_kind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
MAX_TABS = 80  # a page has fewer focusable elements before the ones these tests look for


@pytest.fixture
def next_month_event():
    cache.clear()  # rate limits and cached pages
    day = shift_month(timezone.localdate(), 1) + datetime.timedelta(days=14)
    return make_event(
        make_kind("conference", name_it="Convegno", name_en="Conference"),
        title_it="Convegno annuale",
        title_en="Annual conference",
        start=local(day.year, day.month, day.day, 9, 30),
        registration_enabled=True,
        seats=100,
    )


def active(page, script="el => el"):
    return page.evaluate_handle("document.activeElement").evaluate(script)


def tab_to(page, predicate):
    """Press Tab until the focused element satisfies `predicate` (a JS function body)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if active(page, predicate):
            return
    raise AssertionError(f"Tab never reached an element where {predicate}")


def test_keyboard_only_skip_link_menu_calendar_and_form_errors(page, next_month_event):
    page.goto("/it/")
    # The first Tab lands on the skip link; Enter puts the focus on the main content.
    page.keyboard.press("Tab")
    assert active(page, "el => el.textContent.trim()") == "Vai al contenuto"
    page.keyboard.press("Enter")
    assert active(page, "el => el.id") == "content"

    # The main menu: Tab to "Agenda", Enter opens it.
    tab_to(page, "el => el.closest('.main-nav') && el.textContent.trim() === 'Agenda'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/it/agenda/")

    # The calendar: Tab to the next month's link, Enter shows that month.
    following = shift_month(timezone.localdate(), 1)
    tab_to(page, "el => el.closest('.month-nav') && el.rel === 'next'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/it/agenda/{following.year}/{following.month}/")
    assert str(following.year) in page.locator(".month-calendar caption").inner_text()
    # The event of that month, then its registration form sent empty.
    tab_to(page, "el => el.textContent.trim() === 'Convegno annuale'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{next_month_event.get_absolute_url()}")
    tab_to(page, "el => el.closest('.registration__form') && el.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary")
    # The page comes back with the focus on the error summary and the errors in the title.
    assert active(page, "el => el.id") == "error-summary"
    assert page.title().startswith("3 errori – ")
    # Tab reaches the summary's first link; Enter puts the cursor in that field.
    page.keyboard.press("Tab")
    assert active(page, "el => el.getAttribute('href')") == "#id_name"
    page.keyboard.press("Enter")
    assert active(page, "el => el.id") == "id_name"
    assert active(page, "el => el.getAttribute('aria-invalid')") == "true"
    # Typing there and moving on works as usual.
    page.keyboard.type("Anna Rossi")
    assert page.locator("#id_name").input_value() == "Anna Rossi"


def test_keyboard_only_mailing_list_error_summary_links_to_the_field(page):
    cache.clear()
    page.goto("/en/mailing-list/")
    tab_to(page, "el => el.closest('.subscribe-form') && el.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_selector("#error-summary")
    assert active(page, "el => el.id") == "error-summary"
    assert page.title().startswith("2 errors – ")
    links = page.locator("#error-summary a")
    assert links.all_inner_texts() == [
        "E-mail address: This field is required.",
        # A consent box's own message names it: its long label is not repeated.
        "Please accept the privacy notice to subscribe.",
    ]
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert active(page, "el => el.id") == "id_consent"
    page.keyboard.press("Space")
    assert page.locator("#id_consent").is_checked()


# --- axe on every page type, both languages --------------------------------------------


@pytest.fixture
def site():
    """The client's content and the demo items: one of every page type."""
    cache.clear()
    load_content()
    for app in ("events", "commissions", "press", "newsletter"):
        load_app(app, demo=True)


def page_types():
    """One address of each kind of page, in the active language."""
    plan = Plan.objects.published().get(number=2)
    event = Event.objects.published().filter(meeting__isnull=True, attachments__isnull=False)
    meeting = Meeting.objects.published().filter(documents__isnull=False).first()
    day = timezone.localtime(event.first().start)
    urls = [
        "/",
        plan.get_absolute_url(),
        Page.objects.published().filter(plan=plan, parent__isnull=False).first().get_absolute_url(),
        reverse("plans:directions", kwargs={"number": plan.number}),
        Direction.objects.published().first().get_absolute_url(),
        Commission.objects.published().first().get_absolute_url(),
        meeting.get_absolute_url(),
        Topic.objects.published().first().get_absolute_url(),
        event.first().get_absolute_url(),
        f"/agenda/{day.year}/",
        f"/agenda/{day.year}/{day.month}/",
        f"/agenda/{day.year}/{day.month}/{day.day}/",
        Clipping.objects.published().first().get_absolute_url(),
        Publication.objects.published().first().get_absolute_url(),
        Issue.objects.published().first().get_absolute_url(),
        Newsletter.objects.published().first().get_absolute_url(),
    ]
    return [url for url in urls if url]


SECTION_PAGES = {
    "it": [
        "/it/agenda/",
        "/it/agenda/archivio/",
        "/it/commissioni/",
        "/it/commissioni/forum/",
        "/it/rassegna-stampa/",
        "/it/rassegna-stampa/?year=2006",
        "/it/rassegna-stampa/?year=abc&month=3",  # the filter form in its error state
        "/it/editoria/",
        "/it/tamtam/",
        "/it/mailing-list/",
        "/it/mailing-list/archivio/",
        "/it/mailing-list/cancellazione/",
        "/it/cerca/?q=piano",
        "/it/cerca/?q=zzzzzz",
        "/it/help/",
        "/it/contatti/",
        "/it/privacy/",
        "/it/accessibilita/",
        "/it/agenda/1990/",
        "/it/piano-strategico-1/direzioni/",
        "/it/pagina-che-non-esiste/",
    ],
    "en": [
        "/en/agenda/",
        "/en/agenda/archive/",
        "/en/commissions/",
        "/en/commissions/forum/",
        "/en/press-review/",
        "/en/publications/",
        "/en/tamtam/",
        "/en/mailing-list/",
        "/en/mailing-list/archive/",
        "/en/mailing-list/unsubscribe/",
        "/en/search/?q=plan",
        "/en/help/",
        "/en/accessibility/",
        "/en/no-such-page/",
    ],
}


def audit(page, axe, url, failures, status=200):
    response = page.goto(url)
    if status and response.status != status:
        failures.append((url, f"status {response.status}, not {status}"))
    results = axe.run(page, options=WCAG_AA)
    if results.violations_count:
        failures.append((url, results.generate_report()))


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_page_type_passes_axe(page, site, language):
    axe, failures = Axe(), []
    with translation.override(language):
        urls = [f"/{language}{url}" if url.startswith("/agenda/") else url for url in page_types()]
        urls = [url if url.startswith(f"/{language}/") else f"/{language}{url}" for url in urls]
    for url in [*urls, *SECTION_PAGES[language]]:
        missing = "pagina-che-non-esiste" in url or "no-such-page" in url
        audit(page, axe, url, failures, status=404 if missing else 200)
    assert not failures, failures


# --- axe on the error state of every form -----------------------------------------------


def submit_empty(page, form_selector):
    page.locator(f"{form_selector} button[type=submit]").click()
    page.wait_for_selector("#error-summary")


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_form_in_its_error_state_passes_axe(page, next_month_event, language):
    axe, failures = Axe(), []
    topic_url = None
    from tests.factories_commissions import make_topic

    with translation.override(language):
        topic_url = make_topic().get_absolute_url()
        event_url = next_month_event.get_absolute_url()
        unsubscribe_url = reverse("newsletter:unsubscribe-request")
        bad_links = [
            reverse("events:cancel", kwargs={"token": "not-a-token"}),
            reverse("newsletter:confirm", kwargs={"token": "not-a-token"}),
        ]
    for url, form in [
        (event_url, ".registration__form"),
        (topic_url, "#contribute form"),
        (f"/{language}/mailing-list/", ".subscribe-form"),
        (f"/{language}/mailing-list/", ".footer-subscribe"),
        (unsubscribe_url, "main form"),
    ]:
        cache.clear()  # the forms' rate limits
        page.goto(url)
        submit_empty(page, form)
        assert page.evaluate("document.activeElement.id") == "error-summary", url
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            failures.append((url, form, results.generate_report()))
    # The pages of a bad confirmation or cancellation link.
    for url in bad_links:
        audit(page, axe, url, failures, status=None)
    assert not failures, failures
