"""Translated slugs are invariants: the database refuses a repeated address in its scope,
an automatic slug takes the next free `-2`, `-3`, a typed duplicate is a form error, and
the migrations that add the constraints first rename the duplicates already stored."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from commissions.models import Commission, Topic
from events.models import Event
from plans.models import Page
from press.models import Publication
from tests.factories import make_page, make_plan
from tests.factories_commissions import make_commission, make_topic
from tests.factories_events import local, make_event
from tests.factories_press import make_publication

pytestmark = pytest.mark.django_db


def _refused(model, pk, **slugs):
    """True when the database itself refuses to give row `pk` these slugs."""
    try:
        with transaction.atomic():
            model.objects.filter(pk=pk).update(**slugs)
    except IntegrityError:
        return True
    return False


# --- Automatic slugs: the next free number ----------------------------------------------


def test_two_publications_with_the_same_title_both_have_a_page(client):
    first = make_publication(title_it="Scenari", title_en="Scenarios", subtitle_it="Primo")
    second = make_publication(title_it="Scenari", title_en="Scenarios", subtitle_it="Secondo")
    assert (first.slug_it, first.slug_en) == ("scenari", "scenarios")
    assert (second.slug_it, second.slug_en) == ("scenari-2", "scenarios-2")
    assert "Primo" in client.get("/it/editoria/scenari/").content.decode()
    assert "Secondo" in client.get("/it/editoria/scenari-2/").content.decode()
    assert client.get("/en/publications/scenarios-2/").status_code == 200


def test_an_untranslated_title_takes_the_italian_slug_made_free_in_english_too():
    make_publication(title_it="Atlante", title_en="Atlas")
    make_publication(title_it="Atlas", title_en="")  # its English slug falls back to "atlas"
    third = make_publication(title_it="Atlas", title_en="")
    assert (third.slug_it, third.slug_en) == ("atlas-2", "atlas-3")


def test_two_same_day_events_with_the_same_title_are_both_reachable(client):
    morning = make_event(title_it="Forum", title_en="Forum", start=local(2026, 11, 24, 9))
    evening = make_event(
        title_it="Forum",
        title_en="Forum",
        start=local(2026, 11, 24, 18),
        description_it="<p>La sessione serale.</p>",
    )
    next_day = make_event(title_it="Forum", title_en="Forum", start=local(2026, 11, 25, 9))
    assert (morning.slug_it, evening.slug_it, next_day.slug_it) == ("forum", "forum-2", "forum")
    assert client.get(morning.get_absolute_url()).status_code == 200
    assert "La sessione serale." in client.get(evening.get_absolute_url()).content.decode()


def test_page_slugs_repeat_only_outside_their_level():
    plan = make_plan()
    top = make_page(plan=plan, title_it="Visione", title_en="Vision")
    assert make_page(plan=plan, title_it="Visione", title_en="Vision").slug_it == "visione-2"
    child = make_page(parent=top, title_it="Visione", title_en="Vision")
    other_plan = make_page(plan=make_plan(), title_it="Visione", title_en="Vision")
    assert (child.slug_it, other_plan.slug_it) == ("visione", "visione")


def test_an_automatic_commission_slug_avoids_the_reserved_ones():
    commission = make_commission(name_it="Forum", name_en="Process", slug_it="")
    assert (commission.slug_it, commission.slug_en) == ("forum-2", "process-2")


# --- The database refuses duplicates on every path --------------------------------------


def test_the_database_refuses_a_repeated_publication_or_commission_slug():
    first, second = make_publication(), make_publication()
    assert _refused(Publication, second.pk, slug_it=first.slug_it)
    assert _refused(Publication, second.pk, slug_en=first.slug_en)
    one, two = make_commission(), make_commission()
    assert _refused(Commission, two.pk, slug_it=one.slug_it)
    assert _refused(Commission, two.pk, slug_en=one.slug_en)


def test_the_database_refuses_a_repeated_topic_slug_in_one_commission_only():
    topic = make_topic(commission=make_commission())
    sibling = make_topic(commission=topic.commission)
    elsewhere = make_topic(commission=make_commission())
    assert _refused(Topic, sibling.pk, slug_it=topic.slug_it)
    assert not _refused(Topic, elsewhere.pk, slug_it=topic.slug_it, slug_en=topic.slug_en)


def test_the_database_refuses_repeated_page_slugs_among_siblings_and_top_pages():
    plan = make_plan()
    top, other_top = make_page(plan=plan), make_page(plan=plan)
    child, other_child = make_page(parent=top), make_page(parent=top)
    # Top pages have no parent (NULL): the conditional constraint covers them.
    assert _refused(Page, other_top.pk, slug_it=top.slug_it)
    assert _refused(Page, other_top.pk, slug_en=top.slug_en)
    assert _refused(Page, other_child.pk, slug_it=child.slug_it)
    assert not _refused(Page, child.pk, slug_it=top.slug_it)
    assert not _refused(Page, make_page(plan=make_plan()).pk, slug_it=top.slug_it)


def test_the_database_counts_an_events_day_in_rome():
    # 00:30 and 23:30 in Rome are the same day, though not the same day in UTC.
    early = make_event(start=local(2026, 11, 24, 0, 30))
    late = make_event(start=local(2026, 11, 24, 23, 30))
    day_before = make_event(start=local(2026, 11, 23, 23, 30))
    assert _refused(Event, late.pk, slug_it=early.slug_it)
    assert _refused(Event, late.pk, slug_en=early.slug_en)
    assert not _refused(Event, day_before.pk, slug_it=early.slug_it)


# --- A typed duplicate is a form error, in Italian, on its field -------------------------


def _publication_form(**fields):
    return {
        "title_it": "Nuovo volume",
        "title_en": "New volume",
        "subtitle_it": "",
        "subtitle_en": "",
        "slug_it": "",
        "slug_en": "",
        "authors": "",
        "year": "2007",
        "series": "",
        "isbn": "",
        "description_it": "<p>Descrizione</p>",
        "description_en": "",
        "plan": "",
        "cover_alt_it": "",
        "cover_alt_en": "",
        "status": "published",
        "published_at_0": "2007-01-01",
        "published_at_1": "09:00:00",
        **fields,
    }


def test_the_admin_numbers_an_automatic_slug_and_refuses_a_typed_duplicate(admin_client):
    make_publication(title_it="Nuovo volume", title_en="New volume")
    response = admin_client.post("/admin/press/publication/add/", _publication_form())
    assert response.status_code == 302
    assert Publication.objects.filter(slug_it="nuovo-volume-2", slug_en="new-volume-2").exists()

    response = admin_client.post(
        "/admin/press/publication/add/", _publication_form(slug_it="nuovo-volume")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Un&#x27;altra pubblicazione ha questo indirizzo." in html
    assert response.context["adminform"].form.errors.keys() == {"slug_it"}
    assert Publication.objects.filter(title_it="Nuovo volume").count() == 2


def test_the_admin_refuses_a_top_page_with_a_sibling_s_address(admin_client):
    plan = make_plan()
    make_page(plan=plan, title_it="Visione", title_en="Vision")
    data = {
        "plan": plan.pk,
        "parent": "",
        "order": 1,
        "title_it": "Un'altra visione",
        "title_en": "",
        "slug_it": "altra-visione",
        "slug_en": "vision",
        "summary_it": "",
        "summary_en": "",
        "body_it": "<p>x</p>",
        "body_en": "",
        "status": "published",
        "published_at_0": "24/11/2026",
        "published_at_1": "10:00:00",
    }
    response = admin_client.post("/admin/plans/page/add/", data)
    assert response.status_code == 200
    assert "Un&#x27;altra pagina a questo livello ha già questo indirizzo." in (
        response.content.decode()
    )
    assert response.context["adminform"].form.errors.keys() == {"slug_en"}
    assert not Page.objects.filter(slug_it="altra-visione").exists()


def test_full_clean_reports_a_typed_event_duplicate_on_its_field():
    from django.core.exceptions import ValidationError

    first = make_event(title_it="Doppio", start=local(2026, 11, 24, 9))
    twin = Event(kind=first.kind, title_it="Altro", slug_it="doppio", start=local(2026, 11, 24, 15))
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert error.value.message_dict["slug_it"] == [
        "Un altro evento in questo giorno ha questo indirizzo."
    ]


# --- Migrations rename the duplicates stored before the constraints ----------------------


@pytest.mark.django_db(transaction=True)
def test_the_migrations_number_duplicates_before_adding_the_constraints():
    before = [
        ("plans", "0001_initial"),
        ("press", "0002_clipping_commissions"),
        ("events", "0003_registration_confirms_the_address"),
    ]
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    try:
        apps = MigrationExecutor(connection).loader.project_state(before).apps
        old_plan = apps.get_model("plans", "Plan").objects.create(
            number=7, title="P", title_it="P", year=2006, body=""
        )
        OldPage = apps.get_model("plans", "Page")

        def page(parent=None, slug="visione"):
            return OldPage.objects.create(
                plan=old_plan, parent=parent, title="V", slug=slug, slug_it=slug, slug_en=slug
            ).pk

        top, top_twin = page(), page()
        child = page(parent=OldPage.objects.get(pk=top))
        OldPublication = apps.get_model("press", "Publication")
        publications = [
            OldPublication.objects.create(
                title="S",
                title_it="S",
                slug="scenari",
                slug_it="scenari",
                slug_en="scenari",
                year=2000,
                description="",
            ).pk
            for _ in range(3)
        ]
        OldEvent = apps.get_model("events", "Event")
        kind = apps.get_model("events", "EventKind").objects.create(name="K", slug="k")

        def event(start):
            return OldEvent.objects.create(
                kind=kind,
                title="F",
                slug="forum",
                slug_it="forum",
                slug_en="forum",
                start=start,
                description="",
            ).pk

        morning, night, day_before = (
            event(local(2026, 11, 24, 0, 30)),
            event(local(2026, 11, 24, 23, 30)),
            event(local(2026, 11, 23, 23, 30)),
        )
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(leaves)
    finally:
        MigrationExecutor(connection).migrate(leaves)

    def slugs(model, pk):
        return tuple(model.objects.filter(pk=pk).values_list("slug_it", "slug_en").get())

    assert slugs(Page, top) == ("visione", "visione")
    assert slugs(Page, top_twin) == ("visione-2", "visione-2")
    assert slugs(Page, child) == ("visione", "visione")
    assert [slugs(Publication, pk)[0] for pk in publications] == [
        "scenari",
        "scenari-2",
        "scenari-3",
    ]
    assert slugs(Event, morning) == ("forum", "forum")
    assert slugs(Event, night) == ("forum-2", "forum-2")
    assert slugs(Event, day_before) == ("forum", "forum")


def test_a_meeting_shares_the_agenda_s_addresses_of_its_day():
    from django.core.exceptions import ValidationError

    from commissions.models import Meeting
    from tests.factories_commissions import make_meeting

    event = make_event(title_it="Forum plenario", start=local(2026, 11, 24, 9))
    meeting = make_meeting(title_it="Forum plenario", start=local(2026, 11, 24, 17))
    assert meeting.slug_it == "forum-plenario-2"  # a row of the Agenda's table, its day's too
    meeting.slug_it = event.slug_it
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert list(error.value.message_dict) == ["slug_it"]
    assert _refused(Event, meeting.pk, slug_it=event.slug_it)
    assert Meeting.objects.get(pk=meeting.pk).slug_it == "forum-plenario-2"


def test_same_named_pages_commissions_and_topics_each_have_their_page(client):
    plan = make_plan(number=2)
    pages = [make_page(plan=plan, title_it="Visione", title_en="Vision") for _ in range(2)]
    commissions = [
        make_commission(plan=plan, name_it="Qualità", name_en="Quality") for _ in range(2)
    ]
    topics = [
        make_topic(commissions[0], title_it="Periferie", title_en="Suburbs") for _ in range(2)
    ]
    for first, second in (pages, commissions, topics):
        assert first.get_absolute_url() != second.get_absolute_url()
        for item in (first, second):
            response = client.get(item.get_absolute_url())
            assert response.status_code == 200
            assert response.context["object"] == item


def test_a_slug_taken_between_the_check_and_the_save_takes_the_next_number():
    # What two editors saving the same title at once do: the form checked "scenari" free,
    # then the other publication was saved with it before this one.
    late = Publication(title_it="Scenari", title_en="Scenarios", year=2006, description_it="")
    late.full_clean()
    assert (late.slug_it, late.slug_en) == ("scenari", "scenarios")
    make_publication(title_it="Scenari", title_en="Scenarios", slug_it="scenari")
    late.save()
    late.refresh_from_db()
    assert (late.slug_it, late.slug_en) == ("scenari-2", "scenarios-2")
    typed = Publication(title_it="Altro", slug_it="scenari", year=2006, description_it="")
    with pytest.raises(IntegrityError), transaction.atomic():
        typed.save()  # a typed slug is never changed behind the editor's back


def test_the_meeting_admin_refuses_an_agenda_address_of_the_same_day(admin_client):
    commission = make_commission()
    make_event(title_it="Workshop sui giovani", start=local(2005, 10, 12, 9))
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
    typed = admin_client.post(
        "/admin/commissions/meeting/add/", {**data, "slug_it": "workshop-sui-giovani"}
    )
    assert typed.status_code == 200
    assert typed.context["adminform"].form.errors["slug_it"] == [
        "Un altro evento in questo giorno ha questo indirizzo."
    ]
    assert admin_client.post("/admin/commissions/meeting/add/", data).status_code == 302
    assert Event.objects.filter(slug_it="workshop-sui-giovani-2").exists()
