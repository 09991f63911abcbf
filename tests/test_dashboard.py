"""The admin home (issue 11): sections as editors think, and a dashboard of what waits —
drafts, scheduled items, contributions, registrations, newsletters being sent, what lacks
English — each block in a fixed number of queries, each shown only to who may see it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletter.models import Delivery
from plans.models import Page
from staff.roles import MODERAZIONE, REDAZIONE
from tests.factories import make_page, make_staff
from tests.factories_commissions import make_contribution, make_topic
from tests.factories_events import make_event, make_registration
from tests.factories_newsletter import make_newsletter, make_subscriber
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


def fill(n):
    """n of each thing the dashboard counts."""
    for _i in range(n):
        make_page(status=Status.DRAFT)
        make_page(title_en="", body_en="")
        make_page(published_at=timezone.now() + datetime.timedelta(days=3))
        topic = make_topic()
        make_contribution(topic, status="pending")
        event = make_event(registration_enabled=True, seats=10)
        make_registration(event)
        make_registration(event, status="waiting")
        make_subscriber()
        newsletter = make_newsletter(queued_at=timezone.now())
        Delivery.objects.create(newsletter=newsletter, subscriber=make_subscriber(), status="sent")
        Delivery.objects.create(newsletter=newsletter, subscriber=make_subscriber())


def text_of(response):
    return response.content.decode()


def test_the_dashboard_shows_what_waits(admin_client):
    fill(2)
    html = text_of(admin_client.get("/admin/"))
    assert "Che cosa aspetta" in html
    assert "2 contributi attendono la moderazione" in html
    assert "1 inviati, 1 in attesa, 0 non riusciti" in html
    assert 'id="chart-subscribers"' in html and "<svg" in html and "<rect" in html
    # Pages: 2 drafts, 2 scheduled, 2 published without English.
    row = html[html.index('id="dashboard-content"') :]
    row = row[row.index("Pagine") :]
    row = row[: row.index("</tr>")]
    assert "status__exact=draft" in row and ">2</a>" in row and "english=missing" in row


def test_the_missing_english_link_lists_exactly_those(admin_client):
    lacking = make_page(title_en="", title_it="Senza inglese")
    make_page(title_it="Con inglese")
    make_page(status=Status.DRAFT, title_en="", title_it="Ancora da pubblicare")
    html = text_of(admin_client.get("/admin/plans/page/?status__exact=published&english=missing"))
    assert (
        lacking.title_it in html
        and "Con inglese" not in html
        and "Ancora da pubblicare" not in html
    )
    assert "Traduzione inglese" in html


def test_the_dashboard_costs_the_same_queries_however_much_content(admin_client):
    """Each block is one aggregate or one bounded list: more content, not more queries."""
    counts = []
    for n in (1, 5):
        fill(n)
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get("/admin/").status_code == 200
        counts.append(len(queries))
    # 12 content types (one aggregate each), contributions 2, registrations 1, newsletters 1,
    # charts 2, and the session, the user and the admin log of the home page.
    assert counts[0] == counts[1] <= 21, counts


def test_each_block_is_for_who_may_see_its_model(client):
    make_contribution(make_topic(), status="pending")
    moderator = get_user_model().objects.create_user("mod", "m@example.org", "x", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERAZIONE))
    client.force_login(moderator)
    html = text_of(client.get("/admin/"))
    assert 'id="dashboard-contributions"' in html
    assert 'id="dashboard-registrations"' not in html and 'id="chart-subscribers"' not in html
    assert ">Pagine<" not in html  # the content table shows the forum topics it may view
    editor = get_user_model().objects.create_user("red", "r@example.org", "x", is_staff=True)
    editor.groups.add(Group.objects.get(name=REDAZIONE))
    client.force_login(editor)
    html = text_of(client.get("/admin/"))
    assert 'id="dashboard-content"' in html and 'id="dashboard-contributions"' not in html
    assert 'id="chart-subscribers"' not in html and 'id="chart-registrations"' not in html


def test_the_home_is_grouped_as_editors_think(client):
    client.force_login(make_staff())
    html = text_of(client.get("/admin/"))
    sections = [
        "Piani",
        "Commissioni",
        "Agenda",
        "Rassegna stampa",
        "Editoria",
        "Tamtam",
        "Mailing list",
        "Sito",
    ]
    positions = [html.index(f">{name}</a>") for name in sections]
    assert positions == sorted(positions)
    editoria = html[positions[4] : positions[5]]
    assert "Pubblicazioni" in editoria and "Ritagli" not in editoria
    assert Page.objects.count() == 0
