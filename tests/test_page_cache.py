"""The anonymous page cache is correct: edits show at once, forms work, staff and messages
are never served a stored page, scheduled items appear on time."""

from datetime import timedelta

import pytest
import redis
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from newsletter.models import Subscriber
from plans.models import Page
from tests.factories import make_page, make_plan, make_site_page, make_staff
from tests.factories_events import make_event
from tests.test_events_registration import form as registration_form
from tests.test_events_registration import register_url
from torino_portal import page_cache
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db
REGISTRATION = registration_form()


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def get(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_second_visit_is_served_from_the_cache(client):
    page = make_page(title_it="Processo")
    first, html = get(client, page.get_absolute_url())
    second, cached = get(Client(), page.get_absolute_url())
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "Processo" in cached and second["Content-Type"].startswith("text/html")


def test_made_up_parameters_are_not_kept(client):
    """`?x=1`, `?x=2`… would otherwise store a copy of the page each."""
    page = make_page(title_it="Processo")
    for _ in range(2):
        response = client.get(page.get_absolute_url() + "?utm_source=x")
        assert response.status_code == 200 and "X-Page-Cache" not in response
    client.get(page.get_absolute_url() + "?page=1")
    assert client.get(page.get_absolute_url() + "?page=1")["X-Page-Cache"] == "hit"


def test_an_edit_shows_at_once(client):
    page = make_page(title_it="Processo")
    get(client, page.get_absolute_url())
    page.title_it = "Processo rivisto"
    page.save()
    response, html = get(client, page.get_absolute_url())
    assert response["X-Page-Cache"] == "miss" and "Processo rivisto" in html


def test_a_deletion_shows_at_once(client):
    plan = make_plan(number=2)
    page = make_page(plan=plan, title_it="Da togliere")
    assert "Da togliere" in get(client, plan.get_absolute_url())[1]
    page.delete()
    assert "Da togliere" not in get(client, plan.get_absolute_url())[1]


def test_an_admin_bulk_action_without_signals_shows_at_once(client, admin_client):
    """Bulk actions use QuerySet.update(), which sends no signal: the admin POST renews."""
    page = make_page(title_it="Bozza pubblicata")
    get(client, page.get_absolute_url())
    Page.objects.filter(pk=page.pk).update(title_it="Cambiato senza segnali")
    admin_client.post("/admin/plans/page/", {})  # any staff POST in the admin
    assert "Cambiato senza segnali" in get(client, page.get_absolute_url())[1]


def test_each_language_and_day_has_its_own_copy(client):
    page = make_page(title_it="Processo", title_en="Process")
    it_html = get(client, page.get_absolute_url())[1]
    with translation.override("en"):
        en_url = page.get_absolute_url()
    en_html = get(client, en_url)[1]
    assert '<html lang="it">' in it_html and '<html lang="en">' in en_html
    request = Client().get(en_url).wsgi_request
    key = page_cache._key(request)
    assert f"{timezone.localdate():%Y%m%d}" in key  # tomorrow's date line is a new copy


def test_forms_on_a_cached_page_keep_working():
    """The stored page holds no token; each visitor gets a token of their own and the
    cookie that goes with it, and the footer's mailing-list form is accepted."""
    make_site_page("help"), make_site_page("privacy")
    Client().get("/it/help/")  # stored
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get("/it/help/")
    assert response["X-Page-Cache"] == "hit"
    html = response.content.decode()
    assert page_cache.TOKEN_PLACEHOLDER not in html and "csrftoken" in response.cookies
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token not in Client().get("/it/help/").content.decode()  # nobody else's token
    posted = visitor.post(
        "/it/mailing-list/",
        {
            "csrfmiddlewaretoken": token,
            "email": "anna@example.org",
            "consent": "on",
            "language": "it",
        },
    )
    assert posted.status_code == 302 and posted["Location"] == reverse("newsletter:thanks")
    assert Subscriber.objects.filter(email="anna@example.org").exists()


def test_staff_never_get_a_stored_page_and_see_drafts(client):
    page = make_page(title_it="Pubblica")
    get(client, page.get_absolute_url())
    staff = Client()
    staff.force_login(make_staff())
    response = staff.get(page.get_absolute_url())
    assert "X-Page-Cache" not in response
    draft = make_page(plan=page.plan, title_it="Bozza", status=Status.DRAFT)
    assert "Bozza" in staff.get(draft.get_absolute_url()).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404  # the preview not stored


def test_a_page_showing_a_message_is_not_stored():
    event = make_event(registration_enabled=True, seats=5)
    Client().get(event.get_absolute_url())  # a stored copy exists
    visitor = Client()
    shown = visitor.post(register_url(event), REGISTRATION, follow=True)
    assert 'class="messages"' in shown.content.decode() and "X-Page-Cache" not in shown
    later = Client().get(event.get_absolute_url())
    assert 'class="messages"' not in later.content.decode()


@pytest.mark.redis
def test_a_stored_page_never_outlives_the_next_scheduled_publication(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "torino_portal.cache.RedisOrNothing",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": "test-pages",
        },
    }
    from django.core.cache import caches as fresh

    fresh["pages"].clear()
    plan = make_plan(number=2)
    make_page(plan=plan, title_it="Domani", published_at=timezone.now() + timedelta(seconds=90))
    response = Client().get(plan.get_absolute_url())
    assert response["X-Page-Cache"] == "miss" and "Domani" not in response.content.decode()
    server = redis.Redis.from_url("redis://127.0.0.1:6379/14")
    ttls = [server.ttl(key) for key in server.keys("test-pages:*:pages:*:GET:*")]
    assert ttls and all(0 < ttl <= 90 for ttl in ttls)
    fresh["pages"].clear()


def test_a_visitors_pending_contribution_keeps_the_cache_and_its_approval_renews_it(client):
    """Pending contributions show on no page: a stream of them must not empty the cache."""
    from commissions.models import ContributionStatus
    from commissions.services import moderate
    from tests.factories_commissions import make_contribution, make_topic

    topic = make_topic()
    url = topic.get_absolute_url()
    get(client, url)  # stored
    pending = make_contribution(
        topic, text="In attesa di moderazione", status=ContributionStatus.PENDING
    )
    response, html = get(client, url)
    assert response["X-Page-Cache"] == "hit" and "In attesa" not in html
    moderate(type(pending).objects.filter(pk=pending.pk), ContributionStatus.APPROVED, make_staff())
    assert "In attesa di moderazione" in get(client, url)[1]
