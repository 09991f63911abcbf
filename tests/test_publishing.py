"""The admin's "publish now" keeps the dates items already have: an archive clipping
published today is still dated when it appeared, in the lists and in the feeds."""

import datetime
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from press.models import Clipping
from tests.factories_events import local
from tests.factories_press import make_clipping
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


def _publish(admin_client, *clippings):
    response = admin_client.post(
        "/admin/press/clipping/",
        {"action": "publish", "_selected_action": [c.pk for c in clippings]},
    )
    assert response.status_code == 302
    return [Clipping.objects.get(pk=c.pk) for c in clippings]


def _feed_dates(client):
    """{headline: pubDate} of the press review's RSS feed."""
    channel = ElementTree.fromstring(client.get("/it/rassegna-stampa/feed/").content)
    return {
        item.findtext("title"): parsedate_to_datetime(item.findtext("pubDate"))
        for item in channel.iter("item")
    }


def test_publishing_a_2007_clipping_keeps_it_dated_2007_in_the_feed(admin_client, client):
    appeared = local(2007, 3, 1, 9)
    clipping = make_clipping(
        headline="Torino ripensa il suo futuro", status=Status.DRAFT, published_at=appeared
    )
    assert _feed_dates(client) == {}
    [published] = _publish(admin_client, clipping)
    assert published.status == Status.PUBLISHED and published.published_at == appeared
    assert _feed_dates(client) == {"Torino ripensa il suo futuro": appeared}


def test_publish_now_brings_a_date_still_to_come_to_now_and_keeps_the_rest(admin_client, client):
    scheduled = make_clipping(
        headline="Programmato",
        status=Status.DRAFT,
        published_at=timezone.now() + datetime.timedelta(days=30),
    )
    withdrawn = make_clipping(
        headline="Ritirato", status=Status.DRAFT, published_at=local(2006, 5, 10, 12)
    )
    before = timezone.now()
    scheduled, withdrawn = _publish(admin_client, scheduled, withdrawn)
    after = timezone.now()
    # "Now" is the moment of the request: between the two readings of the clock.
    assert before <= scheduled.published_at <= after
    assert withdrawn.published_at == local(2006, 5, 10, 12)
    assert _feed_dates(client) == {
        "Programmato": scheduled.published_at.replace(microsecond=0),  # RSS has seconds
        "Ritirato": local(2006, 5, 10, 12),
    }


def test_every_demo_mark_comes_from_one_base():
    from django.apps import apps
    from simple_history.models import HistoricalChanges

    from torino_portal.publishing import DemoMarked

    # The history tables copy every column of the model they record, the mark included.
    marked = {
        model
        for model in apps.get_models()
        if any(f.name == "is_demo" for f in model._meta.fields)
        and not issubclass(model, HistoricalChanges)
    }
    assert {m._meta.label for m in marked} >= {
        "commissions.Person",
        "commissions.Document",
        "commissions.Contribution",
        "press.Series",
        "press.Clipping",
    }
    assert all(issubclass(model, DemoMarked) for model in marked)


def test_publish_now_keeps_the_date_of_a_meeting_stored_in_the_agenda_s_table(admin_client):
    from commissions.models import Meeting
    from tests.factories_commissions import make_meeting

    meeting = make_meeting(status=Status.DRAFT, published_at=local(2005, 3, 1, 9))
    response = admin_client.post(
        "/admin/commissions/meeting/",
        {"action": "publish", "_selected_action": [meeting.pk]},
    )
    assert response.status_code == 302
    published = Meeting.objects.get(pk=meeting.pk)
    assert (published.status, published.published_at) == (
        Status.PUBLISHED,
        local(2005, 3, 1, 9),
    )
