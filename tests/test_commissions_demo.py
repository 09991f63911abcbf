"""The commissions' demo: the seed page's commissions, meetings across the three phases,
the conference at the Politecnico (the Agenda's too), the forum; idempotent and removable."""

import pytest
from django.core.management import call_command

from commissions.models import Commission, Contribution, Document, Meeting, Person, Topic
from events.models import Event
from tests.factories_content import load_app

pytestmark = pytest.mark.django_db


def load():
    """The loaders this app's demo needs, in the commands' order (plans before commissions)."""
    for app in ("plans", "events", "commissions"):
        load_app(app)
    load_app("commissions", demo=True)


@pytest.fixture
def demo():
    load()


def _counts():
    return [
        model.objects.count()
        for model in (Commission, Person, Meeting, Event, Document, Topic, Contribution)
    ]


def test_demo_commissions_from_the_seed_page(demo, client):
    names = list(Commission.objects.values_list("name_it", flat=True))
    assert names == [
        "Territorio Metropolitano",
        "Potenziale Culturale",
        "Qualità Sociale",
        "Sviluppo Economico",
        "Conoscenza",
    ]
    assert Commission.objects.get(name_it="Conoscenza").kind == "transversal"
    assert not Commission.objects.filter(is_demo=True).exists()
    assert Person.objects.filter(is_demo=False).count() == 0
    for commission in Commission.objects.all():
        assert commission.mandate_it and commission.mandate_en
        assert commission.directions.count() == 3
        assert client.get(commission.get_absolute_url()).status_code == 200
    html = client.get("/en/commissions/social-quality/").content.decode()
    assert "Central Suburbs Department" in html and "Consultation day" in html


def test_demo_meetings_span_the_three_phases_and_formats(demo):
    meetings = Meeting.objects.all()
    assert {m.phase for m in meetings} == {1, 2, 3}
    assert {m.start.year for m in meetings} == {2005, 2006}
    assert set(meetings.values_list("format", flat=True)) == {
        "forum",
        "workshop",
        "consultation-day",
        "conference",
    }
    social = meetings.filter(commission__slug_it="qualita-sociale", format="consultation-day")
    titles = " ".join(social.values_list("title_it", flat=True))
    assert "Settore Centrale Periferie" in titles and "politiche giovanili" in titles
    assert "scuola" in titles
    for slug in ("territorio-metropolitano", "potenziale-culturale"):
        formats = set(meetings.filter(commission__slug_it=slug).values_list("format", flat=True))
        assert formats == {"forum", "workshop"}


def test_the_conference_is_one_row_in_both_the_commission_and_the_agenda(demo, client):
    (conference,) = Meeting.objects.filter(format="conference")
    assert conference.title_it == "Una trasformazione in atto"
    assert conference.participants > 500 and conference.venue_name_it == "Politecnico di Torino"
    assert conference.commission.name_it == "Sviluppo Economico"
    assert Event.objects.filter(title_it="Una trasformazione in atto").count() == 1
    assert Event.objects.get(pk=conference.pk).kind.slug == "conference"
    html = client.get(conference.get_absolute_url()).content.decode()
    assert "<audio controls" in html and "PDF, " in html


def test_demo_forum_has_approved_contributions(demo, client):
    topic = Topic.objects.get(slug_it="quale-futuro-per-le-periferie")
    assert topic.is_open and topic.contributions.approved().count() == 3
    assert not Topic.objects.get(slug_it="la-cultura-dopo-le-olimpiadi").is_open
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Servono più spazi per i ragazzi" in html and "@example.org" not in html


def test_demo_runs_twice_and_is_removable(demo):
    before = _counts()
    load()
    assert _counts() == before
    call_command("load_demo", "--remove", verbosity=0)
    assert Commission.objects.count() == 5
    assert not Meeting.objects.exists() and not Person.objects.exists()
    assert not Topic.objects.exists() and not Contribution.objects.exists()
    assert not Document.objects.exists()
