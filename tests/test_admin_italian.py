"""The admin an Italian editor sees is in Italian (issue 11): no English word on the home,
the lists, the forms, the history; Django's messages agree with any model; the widgets'
JavaScript strings are translated."""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from plans.models import Page
from tests.factories import make_direction, make_page, make_site_page, make_staff
from tests.factories_commissions import make_contribution, make_meeting, make_topic
from tests.factories_events import make_event, make_registration
from tests.factories_newsletter import make_newsletter, make_subscriber
from tests.factories_press import make_clipping, make_issue, make_publication, make_series

pytestmark = pytest.mark.django_db

PORTAL_APPS = {"torino_portal", "plans", "commissions", "events", "press", "newsletter"}
# Words of the admin's English that have no place in Italian text (whole words; not
# "compare", an Italian verb too, nor the "all'" of "all'inizio").
ENGLISH = re.compile(
    r"\b(the|and|with|select|selected|choose|change|changed|delete|deleted|add|added|save|"
    r"history|search|filter|by|of|was|were|successfully|view|show|all(?!['’&])|none|items?|"
    r"object|objects|entry|entries|revert|recover|draft|published|missing|"
    r"translation|english|italian|waiting|sent|failed)\b",
    re.IGNORECASE,
)
HIDDEN = re.compile(r"<(script|style|textarea|svg|template)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
TAGS = re.compile(r"<[^>]+>")


def visible_text(html):
    """What a reader sees: no tags, scripts, styles, or the text inside form fields (the
    editors' own English content)."""
    return TAGS.sub(" ", HIDDEN.sub(" ", html))


def english_words(html):
    return sorted({match.group(0) for match in ENGLISH.finditer(visible_text(html))})


def content():
    """One of each content type, Italian text only where a person reads it."""
    page = make_page()
    make_direction(plan=page.plan)
    make_site_page("chi-siamo")
    topic = make_topic()
    make_contribution(topic, status="pending")
    make_meeting()
    event = make_event(registration_enabled=True, seats=5)
    make_registration(event)
    make_clipping()
    make_series()
    make_publication()
    make_issue()
    make_newsletter()
    make_subscriber()
    return page


def portal_admin_pages():
    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label not in PORTAL_APPS:
            continue
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        yield reverse(f"{prefix}_changelist")
        obj = model._default_manager.first()
        if obj is not None:
            yield reverse(f"{prefix}_change", args=[obj.pk])
            yield reverse(f"{prefix}_history", args=[obj.pk])


def test_no_english_on_the_pages_an_italian_editor_sees(client):
    page = content()
    page.title_it = "Titolo cambiato"
    page.save()
    client.force_login(make_staff())
    urls = [
        "/admin/",
        reverse("admin:plans_page_add"),
        reverse("admin:plans_page_recover_list"),
        reverse("admin:plans_page_history_compare", args=[page.pk]),
        *portal_admin_pages(),
    ]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        words = english_words(response.content.decode())
        if words:
            found[url] = words
    assert found == {}


def test_django_messages_agree_with_a_feminine_model(client):
    """“Il pagina … è stato modificato” was Django's: the project's catalogue rewrites it."""
    client.force_login(make_staff())
    page, other = make_page(), make_page()
    url = reverse("admin:plans_page_delete", args=[page.pk])
    confirm = client.get(url).content.decode()
    assert "Eliminare davvero pagina" in confirm
    response = client.post(url, {"post": "yes"}, follow=True)
    text = response.content.decode()
    assert "Eliminazione riuscita: pagina" in text
    assert "Il pagina" not in text and "cancellat" not in text.lower()
    assert list(Page.objects.all()) == [other]
    changelist = client.get(reverse("admin:plans_page_changelist")).content.decode()
    assert "Elimina la selezione (pagine)" in changelist


def test_the_selection_widgets_speak_italian(client):
    client.force_login(make_staff())
    catalogue = client.get("/admin/jsi18n/").content.decode()
    assert "selezionali e premi la freccia" in catalogue
    assert "Scegli tutti" in catalogue


def test_series_has_an_italian_plural(client):
    client.force_login(make_staff())
    html = client.get(reverse("admin:press_series_changelist")).content.decode()
    assert "Collane" in html


def test_one_word_per_action_delete_unsubscribe_erase(client):
    """Elimina deletes; cancellare l'iscrizione is leaving the list; the GDPR erasure is
    the cancellazione dei dati."""
    from newsletter.models import Subscriber

    make_subscriber(status=Subscriber.Status.UNSUBSCRIBED)
    client.force_login(make_staff())
    html = client.get(reverse("admin:newsletter_subscriber_changelist")).content.decode()
    assert "Cancellazione dati GDPR delle persone selezionate" in html
    assert "Iscrizione cancellata" in html
    make_page()
    pages = client.get(reverse("admin:plans_page_changelist")).content.decode()
    assert "Elimina la selezione (pagine)" in pages and "Cancella" not in pages
