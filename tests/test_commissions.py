"""The Commissions: models (a meeting is an Agenda event), pages, publishing, queries, admin."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template import Context, Template
from django.utils import timezone, translation

from commissions.models import (
    Commission,
    CommissionKind,
    Document,
    Meeting,
    MeetingFormat,
    Person,
    PersonRole,
    Phase,
)
from events.models import Event, EventKind
from tests.factories import make_direction, make_plan, make_staff, sitemap_text
from tests.factories_commissions import (
    PDF_BYTES,
    ROME,
    make_commission,
    make_contribution,
    make_document,
    make_meeting,
    make_person,
    make_topic,
    wav_bytes,
)
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan2():
    return make_plan(number=2, title_it="Piano Strategico 2", title_en="Strategic Plan 2")


@pytest.fixture
def commission(plan2):
    return make_commission(
        plan=plan2,
        name_it="Qualità Sociale",
        name_en="Social Quality",
        mandate_it="<p>Coesione sociale e territoriale.</p>",
        mandate_en="<p>Social and territorial cohesion.</p>",
    )


# --- Models ------------------------------------------------------------------------------


def test_a_meeting_is_an_agenda_event_entered_once(commission):
    meeting = make_meeting(commission, format=MeetingFormat.CONSULTATION_DAY)
    event = Event.objects.get(pk=meeting.pk)
    assert event.title == meeting.title and event.meeting == meeting
    assert event.kind.slug == "consultation-day"
    assert Event.objects.count() == Meeting.objects.count() == 1


def test_the_format_is_the_agenda_kind(commission):
    meeting = make_meeting(commission, format=MeetingFormat.WORKSHOP)
    assert meeting.kind.slug == "workshop"
    meeting.format = MeetingFormat.CONFERENCE
    meeting.save()
    assert Event.objects.get(pk=meeting.pk).kind.slug == "conference"
    kinds = set(EventKind.objects.values_list("slug", flat=True))
    assert {"workshop", "conference"} <= kinds
    # The kinds are made once, and translated for the Agenda's filter.
    make_meeting(commission, format=MeetingFormat.WORKSHOP)
    assert EventKind.objects.filter(slug="workshop").count() == 1
    assert EventKind.objects.get(slug="conference").name_en == "Conference"


def test_an_existing_agenda_kind_is_reused(commission):
    # Staff renamed the migration's kind: meetings keep using that row, renamed.
    EventKind.objects.filter(slug="forum").update(name_it="Forum plenario")
    kind = make_meeting(commission, format=MeetingFormat.FORUM).kind
    assert kind.name_it == "Forum plenario" and EventKind.objects.filter(slug="forum").count() == 1


def test_meeting_translations_inherited_and_own(commission):
    meeting = make_meeting(
        commission,
        title_it="Forum di apertura",
        title_en="Opening forum",
        topic_it="Il mandato",
        topic_en="The mandate",
    )
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.title_it == "Forum di apertura" and meeting.title_en == "Opening forum"
    assert meeting.slug_it == "forum-di-apertura" and meeting.slug_en == "opening-forum"
    with translation.override("en"):
        assert meeting.title == "Opening forum" and meeting.topic == "The mandate"
    with translation.override("it"):
        assert meeting.title == "Forum di apertura" and meeting.topic == "Il mandato"
    untranslated = make_meeting(commission, title_it="Solo italiano", title_en="")
    with translation.override("en"):
        assert Meeting.objects.get(pk=untranslated.pk).title == "Solo italiano"


def test_commission_slugs_are_translated_unique_and_not_reserved(commission, plan2):
    assert commission.slug_it == "qualita-sociale" and commission.slug_en == "social-quality"
    assert commission.get_absolute_url() == "/it/commissioni/qualita-sociale/"
    twin = Commission(plan=plan2, name_it="Altra", name_en="Other", slug_it="qualita-sociale")
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert error.value.message_dict["slug_it"] == ["Un'altra commissione ha questo indirizzo."]
    reserved = Commission(plan=plan2, name_it="Altra", name_en="Forum", slug_en="forum")
    with pytest.raises(ValidationError) as error:
        reserved.full_clean()
    assert error.value.message_dict["slug_en"] == ["Questo indirizzo è riservato."]
    # Left empty, the slug is made from the name and numbered past the taken ones.
    automatic = Commission(plan=plan2, name_it="Qualità Sociale", name_en="Forum")
    automatic.clean()
    assert (automatic.slug_it, automatic.slug_en) == ("qualita-sociale-2", "forum-2")


def test_document_belongs_to_the_meeting_commission(commission):
    meeting = make_meeting(commission)
    document = make_document(meeting=meeting, commission=None)
    assert document.commission == commission
    other = make_commission()
    wrong = Document(meeting=meeting, commission=other, title_it="x")
    with pytest.raises(ValidationError):
        wrong.clean()


def test_documents_accept_pdf_and_audio_by_content_only(commission):
    meeting = make_meeting(commission)
    assert make_document(meeting, name="registrazione.wav", content=wav_bytes()).is_audio
    # Refused when stored, whatever path stores it (torino_portal.files).
    with pytest.raises(ValidationError), transaction.atomic():
        make_document(meeting, name="fake.pdf", content=b"<html>not a pdf</html>")
    assert meeting.documents.count() == 1


# --- Pages -------------------------------------------------------------------------------


def test_index_lists_published_commissions_by_kind(client, commission, plan2):
    make_person(commission, name="Anna Coordinatrice", role=PersonRole.COORDINATOR)
    make_meeting(commission)
    make_commission(plan=plan2, name_it="Conoscenza", kind=CommissionKind.TRANSVERSAL)
    draft = make_commission(plan=plan2, name_it="Bozza segreta", status=Status.DRAFT)
    html = client.get("/it/commissioni/").content.decode()
    assert "Qualità Sociale" in html and "Conoscenza" in html
    assert html.index("Le Commissioni Tematiche") < html.index("Il gruppo trasversale")
    assert "Anna Coordinatrice" in html and "1 incontro" in html
    assert draft.name_it not in html
    # It belongs to the Strategic Plan 2 section of the menu.
    assert 'class="current"><a href="/it/piano-strategico-2/"' in html.replace("\n", "")
    english = client.get("/en/commissions/").content.decode()
    assert "Social Quality" in english and "Thematic Commissions" in english


def test_home_page_leads_to_the_commissions(client, commission):
    html = client.get("/it/").content.decode()
    assert 'href="/it/commissioni/"' in html and "Qualità Sociale" in html


def test_commission_page_shows_everything(client, commission, plan2):
    make_person(
        commission,
        name="Anna Rossi",
        role=PersonRole.COORDINATOR,
        position_it="Docente",
        organisation_it="Politecnico di Torino",
    )
    make_person(commission, name="Marco Bianchi", role=PersonRole.MEMBER)
    forum = make_meeting(commission, title_it="Forum di apertura", phase=Phase.MANDATE)
    make_meeting(
        commission,
        title_it="Giornata con le scuole",
        format=MeetingFormat.CONSULTATION_DAY,
        phase=Phase.DEBATE,
        start=datetime(2005, 11, 8, 9, 30, tzinfo=ROME),
    )
    make_meeting(commission, title_it="Incontro in bozza", status=Status.DRAFT)
    make_document(forum, title_it="Verbale del forum")
    make_document(forum, name="audio.wav", content=wav_bytes(), title_it="Registrazione")
    make_document(None, commission=commission, title_it="Documento di sintesi")
    direction = make_direction(plan=plan2, title_it="Welfare metropolitano")
    commission.directions.add(direction)
    make_topic(commission, title_it="Periferie e partecipazione")

    html = client.get(commission.get_absolute_url()).content.decode()
    assert '<h1 class="page-title">Qualità Sociale</h1>' in html
    assert "Coesione sociale e territoriale." in html
    assert "Anna Rossi" in html and "Politecnico di Torino" in html and "Marco Bianchi" in html
    assert "@" not in html[html.index('id="people"') : html.index('id="meetings"')]
    meetings = html[html.index('id="meetings"') : html.index('id="documents"')]
    assert meetings.index("Fase 1") < meetings.index("Forum di apertura")
    assert meetings.index("Fase 2") < meetings.index("Giornata con le scuole")
    assert "Giornata di consultazione" in meetings
    assert "Incontro in bozza" not in html
    # A meeting's date reads as the Agenda writes it (events' `event_when`).
    assert '<time datetime="2005-11-08T09:30:00+01:00">8 novembre 2005, ore 09:30</time>' in html
    assert "Verbale del forum" in html and "Documento di sintesi" in html
    assert "<audio controls" in html
    assert "Welfare metropolitano" in html and direction.get_absolute_url() in html
    assert "Periferie e partecipazione" in html
    # Breadcrumbs: Home | Piano Strategico 2 | Commissioni Tematiche | Qualità Sociale
    crumbs = html[html.index('aria-label="Percorso"') :]
    assert crumbs.index("Piano Strategico 2") < crumbs.index("Commissioni Tematiche")
    assert 'aria-current="page">Qualità Sociale</li>' in crumbs


def test_commission_page_in_english_with_language_links(client, commission):
    html = client.get("/en/commissions/social-quality/").content.decode()
    assert '<h1 class="page-title">Social Quality</h1>' in html
    assert 'hreflang="it" href="http://127.0.0.1:8000/it/commissioni/qualita-sociale/"' in html
    assert client.get("/en/commissions/qualita-sociale/").status_code == 404


def test_direction_page_lists_the_commissions_that_produced_it(client, commission, plan2):
    direction = make_direction(plan=plan2)
    other = make_commission(plan=plan2, name_it="Sviluppo Economico")
    draft = make_commission(plan=plan2, name_it="Bozza", status=Status.DRAFT)
    for item in (commission, other, draft):
        item.directions.add(direction)
    html = client.get(direction.get_absolute_url()).content.decode()
    assert "Qualità Sociale" in html and "Sviluppo Economico" in html
    assert commission.get_absolute_url() in html and ">Bozza<" not in html
    assert set(direction.commissions.all()) == {commission, other, draft}


def test_meeting_page_outcome_documents_and_agenda_link(client, commission):
    meeting = make_meeting(
        commission,
        title_it="Una trasformazione in atto",
        format=MeetingFormat.CONFERENCE,
        phase=Phase.DEBATE,
        participants=512,
        venue_name_it="Politecnico di Torino",
        outcome_it="<p>Più di 500 persone.</p>",
    )
    make_document(meeting, title_it="Atti del convegno")
    make_document(meeting, name="intervento.wav", content=wav_bytes(), title_it="Audio")
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert '<h1 class="page-title">Una trasformazione in atto</h1>' in html
    assert "Più di 500 persone." in html and "512" in html and "Politecnico di Torino" in html
    assert "Atti del convegno" in html and "<audio controls" in html and "PDF, " in html
    assert "Convegno pubblico" in html and "Confronto pubblico" in html
    # The same row in the Agenda: its page links back to the meeting page.
    agenda_url = meeting.agenda_url()
    assert agenda_url.startswith("/it/agenda/") and f'href="{agenda_url}"' in html
    agenda = client.get(agenda_url).content.decode()
    assert "Una trasformazione in atto" in agenda
    assert f'href="{meeting.get_absolute_url()}"' in agenda and "Qualità Sociale" in agenda


def test_a_meeting_without_documents_asks_for_none(client, commission, django_assert_num_queries):
    """Which meetings have documents, and their rendered list, are kept per content
    generation: a meeting page reads only the meeting; a document added shows at once."""
    meeting = make_meeting(commission, title_it="Forum di apertura")
    url = meeting.get_absolute_url()
    client.get(url)
    with django_assert_num_queries(1):
        html = client.get(url).content.decode()
    assert "Nessun documento" in html
    make_document(meeting, title_it="Verbale del forum")
    client.get(url)
    with django_assert_num_queries(1):  # the rendered list is kept too
        assert "Verbale del forum" in client.get(url).content.decode()


def test_meeting_address_checks(client, commission):
    meeting = make_meeting(commission, title_it="Forum", title_en="Plenary forum")
    url = meeting.get_absolute_url()
    assert url == f"/it/commissioni/qualita-sociale/incontri/{meeting.pk}-forum/"
    wrong_slug = url.replace("-forum/", "-vecchio/")
    response = client.get(wrong_slug)
    assert response.status_code == 301 and response.headers["Location"] == url
    assert (
        client.get(
            f"/en/commissions/social-quality/meetings/{meeting.pk}-plenary-forum/"
        ).status_code
        == 200
    )
    other = make_commission()
    assert client.get(url.replace("qualita-sociale", other.slug)).status_code == 404
    assert client.get("/it/commissioni/qualita-sociale/incontri/999999-x/").status_code == 404
    assert client.get("/it/commissioni/nessuna/").status_code == 404


def test_draft_meetings_and_commissions_are_hidden_and_previewed(client, commission):
    draft = make_meeting(commission, status=Status.DRAFT)
    future = make_meeting(commission, published_at=timezone.now() + timedelta(days=1))
    hidden_commission = make_commission(status=Status.DRAFT)
    in_hidden = make_meeting(hidden_commission)
    for url in [
        draft.get_absolute_url(),
        future.get_absolute_url(),
        in_hidden.get_absolute_url(),
        hidden_commission.get_absolute_url(),
    ]:
        assert client.get(url).status_code == 404, url
    assert not Meeting.objects.published().filter(pk=in_hidden.pk).exists()
    client.force_login(make_staff())
    html = client.get(draft.get_absolute_url()).content.decode()
    assert 'class="preview-banner"' in html
    assert client.get(hidden_commission.get_absolute_url()).status_code == 200


def test_process_timeline_across_commissions(client, commission, plan2):
    other = make_commission(plan=plan2, name_it="Territorio Metropolitano")
    make_meeting(commission, title_it="Primo", start=datetime(2005, 2, 1, tzinfo=ROME))
    make_meeting(
        other, title_it="Secondo", phase=Phase.DEBATE, start=datetime(2005, 10, 1, tzinfo=ROME)
    )
    make_meeting(
        other, title_it="Terzo", phase=Phase.OBJECTIVES, start=datetime(2006, 3, 1, tzinfo=ROME)
    )
    html = client.get("/it/commissioni/processo/").content.decode()
    positions = [
        html.index(word) for word in ["Fase 1", "Primo", "Fase 2", "Secondo", "Fase 3", "Terzo"]
    ]
    assert positions == sorted(positions)
    assert "Territorio Metropolitano" in html and "Febbraio 2005" in html
    assert client.get("/en/commissions/process/").status_code == 200


def test_agenda_slot_links_a_meeting_event_to_its_page(commission):
    # The Agenda's page leaves the slot "event_detail"; this app fills it (its ready()).
    slot = Template('{% load contributions %}{% contributions "event_detail" event=event %}')
    meeting = make_meeting(commission, title_it="Forum plenario")
    event = Event.objects.get(pk=meeting.pk)
    html = slot.render(Context({"event": event}))
    assert meeting.get_absolute_url() in html and "Qualità Sociale" in html
    plain = Event.objects.create(
        kind=EventKind.objects.create(slug="presentazione", name="Presentazione"),
        title_it="Presentazione",
        start=timezone.now(),
    )
    assert slot.render(Context({"event": plain})).strip() == ""


def test_search_finds_commissions_meetings_and_topics(client, commission):
    make_meeting(commission, title_it="Workshop sulle periferie")
    make_topic(commission, title_it="Le periferie al centro")
    html = client.get("/it/cerca/", {"q": "periferie"}).content.decode()
    assert "Workshop sulle periferie" in html and "Le periferie al centro" in html


def test_sitemap_lists_commission_pages(client, commission):
    meeting = make_meeting(commission)
    topic = make_topic(commission)
    xml = sitemap_text(client)
    for item in (commission, meeting, topic):
        assert item.get_absolute_url() in xml


# --- Queries -------------------------------------------------------------------------------


def _lots(commission, plan2, n=200):
    """Hundreds of meetings, documents, directions, topics and contributions."""
    start = datetime(2005, 1, 10, 10, tzinfo=ROME)
    formats, phases = list(MeetingFormat), list(Phase)
    for i in range(n):
        make_meeting(
            commission,
            format=formats[i % 4],
            phase=phases[i % 3],
            start=start + timedelta(days=i),
        )
    meetings = list(Meeting.objects.filter(commission=commission))
    Document.objects.bulk_create(
        Document(
            commission=commission,
            meeting=meetings[i % len(meetings)],
            title_it=f"D{i}",
            file=f"commissions/2005/d{i}.pdf",
        )
        for i in range(n)
    )
    from plans.models import Direction

    Direction.objects.bulk_create(
        Direction(
            plan=plan2,
            number=100 + i,
            title_it=f"Dir {i}",
            meta_objective="cohesion",
            status=Status.PUBLISHED,
        )
        for i in range(n)
    )
    commission.directions.add(*Direction.objects.filter(plan=plan2))
    Person.objects.bulk_create(Person(commission=commission, name=f"P{i}") for i in range(n))
    topic = make_topic(commission)
    from commissions.models import Contribution, Topic

    Topic.objects.bulk_create(
        Topic(
            commission=commission,
            title_it=f"T{i}",
            slug_it=f"t{i}",
            slug_en=f"t{i}",
            status=Status.PUBLISHED,
        )
        for i in range(n)
    )
    Contribution.objects.bulk_create(
        Contribution(
            topic=topic,
            name=f"N{i}",
            email="a@example.org",
            text="x",
            language="it",
            status="approved",
        )
        for i in range(n)
    )
    return topic


def test_pages_take_a_fixed_number_of_queries(client, commission, plan2, django_assert_num_queries):
    """The numbers commissions/README.md states (the home page's: README.md, Speed)."""
    topic = _lots(commission, plan2)
    meeting = Meeting.objects.filter(commission=commission).first()
    pages = {
        commission.get_absolute_url(): 1,
        "/it/commissioni/": 0,
        "/it/commissioni/processo/": 1,
        "/it/commissioni/forum/": 1,
        meeting.get_absolute_url(): 1,
        topic.get_absolute_url(): 1,
        "/it/": 1,
    }
    for url, queries in pages.items():
        client.get(url)  # builds what is kept until content changes (fragments.py)
        with django_assert_num_queries(queries, info=url):
            response = client.get(url)
        assert response.status_code == 200, url
    # The commission page lists the documents of the meetings on it (60 a page) and the
    # commission's own; each meeting's page lists its documents too.
    html = client.get(commission.get_absolute_url()).content.decode()
    assert html.count("<audio") == 0 and html.count('class="document"') == 60


def test_commission_page_queries_do_not_grow_with_meetings(client, commission, plan2):
    """Building the kept meeting list takes as many queries for 3 meetings as for 130; a
    kept page takes one (its people)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from torino_portal import fragments

    url = commission.get_absolute_url()
    start = datetime(2005, 1, 10, 10, tzinfo=ROME)
    cold = []
    for total in (3, 130):
        for i in range(Meeting.objects.count(), total):
            meeting = make_meeting(commission, start=start + timedelta(days=i))
            make_document(meeting, title_it=f"Verbale {i}")
        client.get("/it/")  # the layout's kept parts, which are not this page's
        fragments.forget()
        client.get("/it/")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        cold.append(len(queries))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) == 1
    assert cold[0] == cold[1]


def test_the_kept_meeting_list_and_counts_follow_content(client, commission, monkeypatch):
    """What the commission pages keep per content generation changes with the content."""
    make_person(commission, name="Anna Coordinatrice", role=PersonRole.COORDINATOR)
    meeting = make_meeting(commission, title_it="Forum di apertura")
    url = commission.get_absolute_url()
    assert "Forum di apertura" in client.get(url).content.decode()
    assert "1 incontro" in client.get("/it/commissioni/").content.decode()
    meeting.title_it = "Forum plenario"
    meeting.save()
    make_meeting(commission, title_it="Giornata con le scuole")
    html = client.get(url).content.decode()
    assert "Forum plenario" in html and "Giornata con le scuole" in html
    assert "Forum di apertura" not in html
    index = client.get("/it/commissioni/").content.decode()
    assert "2 incontri" in index and "Anna Coordinatrice" in index
    # A scheduled meeting joins the list when it goes live, with no save in between.
    soon = timezone.now() + timedelta(hours=1)
    make_meeting(commission, title_it="Annunciato", published_at=soon)
    assert "Annunciato" not in client.get(url).content.decode()
    from torino_portal import fragments

    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "Annunciato" in client.get(url).content.decode()
    assert "3 incontri" in client.get("/it/commissioni/").content.decode()
    monkeypatch.undo()
    # The side menu's current entry is the page's own.
    html = client.get(url).content.decode()
    assert f'<a href="{url}" aria-current="page"' in html
    assert f'<li class="current"><a href="{url}"' in html
    meeting_html = client.get(meeting.get_absolute_url()).content.decode()
    assert f'<li class="current"><a href="{url}">' in meeting_html
    assert f'<a href="{url}" aria-current="page"' not in meeting_html
    # The kept commissions follow a new address and a withdrawal at once.
    commission.slug_it = "qualita-sociale-2005"
    commission.save()
    assert client.get(url).status_code == 404
    assert client.get("/it/commissioni/qualita-sociale-2005/").status_code == 200
    assert client.get(meeting.get_absolute_url()).status_code == 200
    commission.status = Status.DRAFT
    commission.save()
    assert client.get("/it/commissioni/qualita-sociale-2005/").status_code == 404
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert "Qualità Sociale" not in client.get("/it/commissioni/").content.decode()


def test_meeting_lists_go_by_pages(client, commission, plan2, django_assert_num_queries):
    """The commission page and the timeline list meetings a page at a time (their time
    stays bounded as meetings grow); the phases' dates and counts cover every page."""
    start = datetime(2005, 1, 10, 10, tzinfo=ROME)
    for i in range(130):
        make_meeting(commission, title_it=f"Incontro n{i:03d}", start=start + timedelta(days=i))
    first = client.get(commission.get_absolute_url()).content.decode()
    assert "Incontro n000" in first and "Incontro n059" in first and "Incontro n060" not in first
    assert 'rel="next"' in first and "Pagina 1 di 3" in first
    client.get(commission.get_absolute_url() + "?page=2")  # kept from now on
    with django_assert_num_queries(1):
        second = client.get(commission.get_absolute_url() + "?page=2").content.decode()
    assert "Incontro n060" in second and "Incontro n119" in second
    assert "Incontro n059" not in second and 'rel="prev"' in second
    timeline = client.get("/it/commissioni/processo/").content.decode()
    assert "Incontro n049" in timeline and "Incontro n050" not in timeline
    assert "130 incontri" in timeline  # phase 1's summary counts every page
    client.get("/it/commissioni/processo/?page=3")  # its meeting ids kept from now on
    with django_assert_num_queries(1):  # the page keys are kept: no COUNT, no OFFSET
        last = client.get("/it/commissioni/processo/?page=3").content.decode()
    assert "Incontro n100" in last and "Incontro n129" in last and "130 incontri" in last
    assert "Incontro n099" not in last and 'rel="next"' not in last
    assert "Nessun incontro di questa fase" in last  # phases 2 and 3 have none
    for bad in ("?page=4", "?page=0", "?page=x"):
        assert client.get(commission.get_absolute_url() + bad).status_code == 404
        assert client.get("/it/commissioni/processo/" + bad).status_code == 404


def test_timeline_pages_take_one_query_however_many_meetings(client, commission, plan2):
    """Any page of the timeline, first, middle or last, is one query once the page keys
    and that page's meeting ids are kept; building them takes as many queries for 3
    meetings as for 160."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from torino_portal import fragments

    start = datetime(2005, 1, 10, 10, tzinfo=ROME)
    cold = []
    for total in (3, 160):
        for i in range(Meeting.objects.count(), total):
            make_meeting(commission, title_it=f"Incontro n{i:03d}", start=start + timedelta(i))
        client.get("/it/")  # the layout's kept parts, which are not this page's
        fragments.forget()
        client.get("/it/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/it/commissioni/processo/")
        cold.append(len(queries))
        for page in ("", "?page=2", "?page=4") if total > 3 else ("",):
            client.get("/it/commissioni/processo/" + page)  # keeps that page's meeting ids
            with CaptureQueriesContext(connection) as queries:
                html = client.get("/it/commissioni/processo/" + page).content.decode()
            assert len(queries) == 1, page
    assert cold[0] == cold[1]
    assert "Incontro n150" in html and "Incontro n159" in html and "Incontro n149" not in html
    assert "Pagina 4 di 4" in html and 'rel="next"' not in html


def test_timeline_lines_read_as_the_meeting_pages_say(client, commission, plan2):
    """Each line: the meeting's address, title, format, commission, dates and venue as the
    Agenda writes them, `lang="it"` where an English text falls back to Italian."""
    meeting = make_meeting(
        commission,
        title_it="Laboratorio <periferie>",
        title_en="",
        slug_en="",
        format=MeetingFormat.WORKSHOP,
        start=datetime(2005, 4, 2, 9, 30, tzinfo=ROME),
        end=datetime(2005, 4, 2, 13, tzinfo=ROME),
        venue_name_it="Sala Rossa",
    )
    html = client.get("/it/commissioni/processo/").content.decode()
    assert f'<a href="{meeting.get_absolute_url()}">Laboratorio &lt;periferie&gt;</a>' in html
    assert "Workshop (gruppo ristretto) · " in html
    assert f'<a href="{commission.get_absolute_url()}">Qualità Sociale</a>' in html
    assert '<time datetime="2005-04-02T09:30:00+02:00">2 aprile 2005, ore 09:30</time>' in html
    assert "Sala Rossa</span></span></li>" in html
    with translation.override("en"):
        url = meeting.get_absolute_url()
        english = client.get("/en/commissions/process/").content.decode()
    assert f'<a href="{url}" lang="it">Laboratorio &lt;periferie&gt;</a>' in english
    assert "Workshop (working group) · " in english
    end = '<time datetime="2005-04-02T13:00:00+02:00">13:00</time>'
    assert f">2 April 2005 at 09:30</time>–{end}" in english
    assert '<span lang="it">Sala Rossa</span>' in english
    assert "Social Quality</a>" in english


def test_the_kept_timeline_follows_content(client, commission, plan2, monkeypatch):
    """The timeline's kept parts (commissions, phase summaries, page keys) change with the
    content, and a scheduled meeting joins it when it goes live."""
    from torino_portal import fragments

    make_meeting(commission, title_it="Primo", start=datetime(2005, 2, 1, tzinfo=ROME))
    assert "1 incontro" in client.get("/it/commissioni/processo/").content.decode()
    other = make_commission(plan=plan2, name_it="Territorio Metropolitano")
    make_meeting(other, title_it="Secondo", start=datetime(2005, 3, 1, tzinfo=ROME))
    html = client.get("/it/commissioni/processo/").content.decode()
    assert "Secondo" in html and "Territorio Metropolitano" in html and "2 incontri" in html
    other.status = Status.DRAFT
    other.save()
    html = client.get("/it/commissioni/processo/").content.decode()
    assert "Secondo" not in html and "1 incontro" in html
    soon = timezone.now() + timedelta(hours=1)
    make_meeting(commission, title_it="Annunciato", published_at=soon)
    assert "Annunciato" not in client.get("/it/commissioni/processo/").content.decode()
    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    html = client.get("/it/commissioni/processo/").content.decode()
    assert "Annunciato" in html and "2 incontri" in html
    # Staff are never served a kept value; they see what visitors see.
    client.force_login(make_staff())
    assert "Annunciato" in client.get("/it/commissioni/processo/").content.decode()


def test_the_kept_timeline_page_follows_a_changed_meeting(client, commission, plan2):
    """A page's meeting ids are kept per content generation: a meeting moved to another
    page, renamed or withdrawn shows so at once, and no other page loses or repeats one."""
    start = datetime(2005, 1, 10, 10, tzinfo=ROME)
    meetings = [
        make_meeting(commission, title_it=f"Incontro n{i:03d}", start=start + timedelta(i))
        for i in range(60)
    ]
    first = client.get("/it/commissioni/processo/").content.decode()
    second = client.get("/it/commissioni/processo/?page=2").content.decode()
    assert "Incontro n049" in first and "Incontro n050" in second
    moved = meetings[0]
    moved.start = start + timedelta(100)
    moved.title_it = "Incontro spostato"
    moved.save()
    first = client.get("/it/commissioni/processo/").content.decode()
    second = client.get("/it/commissioni/processo/?page=2").content.decode()
    assert "Incontro n000" not in first + second and "Incontro n050" in first
    assert "Incontro n051" in second and second.index("Incontro spostato") > 0
    meetings[51].status = Status.DRAFT
    meetings[51].save()
    second = client.get("/it/commissioni/processo/?page=2").content.decode()
    assert "Incontro n051" not in second and "Incontro n052" in second
    months = first.count("<h3><time datetime=")
    assert months == 3 and '<h3><time datetime="2005-01">Gennaio 2005</time></h3>' in first


def test_the_kept_timeline_page_takes_a_scheduled_meeting_when_it_goes_live(
    client, commission, plan2, monkeypatch
):
    """A page's kept ids end with the kept facts when a scheduled meeting goes live."""
    from torino_portal import fragments

    start = datetime(2005, 1, 10, 10, tzinfo=ROME)
    for i in range(60):
        make_meeting(commission, title_it=f"Incontro n{i:03d}", start=start + timedelta(i))
    soon = timezone.now() + timedelta(hours=1)
    make_meeting(
        commission, title_it="Annunciato", start=start + timedelta(55, hours=1), published_at=soon
    )
    assert "Annunciato" not in client.get("/it/commissioni/processo/?page=2").content.decode()
    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    second = client.get("/it/commissioni/processo/?page=2").content.decode()
    assert second.index("Incontro n055") < second.index("Annunciato") < second.index("n056")


# --- Admin -----------------------------------------------------------------------------------


def test_admin_pages_load(admin_client, commission):
    meeting = make_meeting(commission)
    make_document(meeting)
    topic = make_topic(commission)
    make_contribution(topic)
    make_person(commission)
    for url in [
        "/admin/commissions/commission/",
        f"/admin/commissions/commission/{commission.pk}/change/",
        "/admin/commissions/meeting/",
        "/admin/commissions/meeting/add/",
        f"/admin/commissions/meeting/{meeting.pk}/change/",
        "/admin/commissions/topic/",
        "/admin/commissions/contribution/",
    ]:
        assert admin_client.get(url).status_code == 200, url
    # Documents are edited inline, in their commission or meeting: no list of their own.
    assert admin_client.get("/admin/commissions/document/").status_code == 404


def test_admin_creates_a_meeting_once_with_its_kind(admin_client, commission):
    data = {
        "commission": commission.pk,
        "format": "workshop",
        "phase": "2",
        "title_it": "Workshop sui giovani",
        "title_en": "Youth workshop",
        "start_0": "12/10/2005",
        "start_1": "15:00",
        "status": "published",
        "published_at_0": "01/01/2005",
        "published_at_1": "00:00",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    response = admin_client.post("/admin/commissions/meeting/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get(title_it="Workshop sui giovani")
    assert meeting.kind.slug == "workshop" and meeting.commission == commission
    assert Event.objects.filter(pk=meeting.pk).exists()


def test_the_agenda_filters_and_exports_meetings_by_their_kind(client, commission):
    workshop = make_meeting(
        commission,
        title_it="Workshop sulle periferie",
        format=MeetingFormat.WORKSHOP,
        start=datetime(2005, 10, 12, 9, 30, tzinfo=ROME),
    )
    make_meeting(
        commission,
        title_it="Forum plenario di ottobre",
        start=datetime(2005, 10, 13, 9, 30, tzinfo=ROME),
    )
    month = client.get("/it/agenda/2005/10/", {"kind": "workshop"}).content.decode()
    assert "Workshop sulle periferie" in month and "Forum plenario di ottobre" not in month
    assert client.get(workshop.agenda_url()).status_code == 200
    single = client.get(workshop.agenda_url().rstrip("/") + ".ics").content.decode()
    assert "SUMMARY:Workshop sulle periferie" in single
    # The subscription feed (recent and upcoming events) of one kind.
    make_meeting(
        commission,
        title_it="Workshop di domani",
        format=MeetingFormat.WORKSHOP,
        start=timezone.now() + timedelta(days=10),
    )
    calendar = client.get("/it/agenda/ical/workshop/").content.decode()
    assert "SUMMARY:Workshop di domani" in calendar and "Forum plenario" not in calendar


def test_admin_meeting_form_takes_documents_checked_by_content(admin_client, commission):
    meeting = make_meeting(commission)
    url = f"/admin/commissions/meeting/{meeting.pk}/change/"
    html = admin_client.get(url).content.decode()
    assert 'name="format"' in html and 'name="kind"' not in html
    assert 'name="title_en"' in html and 'name="outcome_en"' in html

    def post(upload):
        data = {
            "commission": commission.pk,
            "format": "forum",
            "phase": "1",
            "title_it": meeting.title_it,
            "title_en": meeting.title_en,
            "slug_it": meeting.slug_it,
            "slug_en": meeting.slug_en,
            "start_0": "01/03/2005",
            "start_1": "10:00",
            "status": "published",
            "published_at_0": "01/01/2005",
            "published_at_1": "00:00",
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "0",
            "documents-0-title_it": "Verbale",
            "documents-0-file": upload,
            "documents-0-order": "0",
        }
        return admin_client.post(url, data)

    fake = SimpleUploadedFile("verbale.pdf", b"<html>not a pdf</html>")
    response = post(fake)
    assert response.status_code == 200 and "non è di un tipo accettato" in response.content.decode()
    assert not Document.objects.exists()
    response = post(SimpleUploadedFile("verbale.pdf", PDF_BYTES))
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.meeting == meeting and document.commission == commission


def test_admin_moderates_one_contribution_from_its_page(admin_client, commission):
    contribution = make_contribution(make_topic(commission), status="pending")
    url = f"/admin/commissions/contribution/{contribution.pk}/change/"
    html = admin_client.get(url).content.decode()
    assert 'name="text"' not in html and 'name="status"' in html  # the text is not editable
    assert admin_client.post(url, {"status": "approved"}).status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == "approved" and contribution.moderated_by.username == "admin"


def test_meeting_kinds_are_reference_rows_of_the_data_migration(commission):
    # Made by commissions/migrations/0007_meeting_kinds before any test row exists.
    formats = [meeting_format.value for meeting_format in MeetingFormat]
    assert sorted(EventKind.objects.filter(slug__in=formats).values_list("slug", flat=True)) == (
        sorted(formats)
    )
    kinds = EventKind.objects.count()
    meeting = make_meeting(commission, format=MeetingFormat.WORKSHOP)
    meeting.format = MeetingFormat.CONFERENCE
    meeting.save()
    assert EventKind.objects.count() == kinds  # save() looks the kind up, never adds one
    assert Event.objects.get(pk=meeting.pk).kind.slug == "conference"
    # A kind staff deleted is a message on the format, not a server error.
    EventKind.objects.filter(slug="workshop").delete()
    meeting.format = MeetingFormat.WORKSHOP
    with pytest.raises(ValidationError) as error:
        meeting.full_clean(exclude=["kind"])
    assert "workshop" in str(error.value.message_dict["format"])
