"""History and undo (issue 11): every content type keeps each version in both languages,
with who and when; an editor compares two versions, restores one, recovers a deleted item."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from commissions.models import Commission, Document, Meeting, Person, Topic
from events.models import Attachment, Event
from newsletter.models import Newsletter
from plans.models import Direction, Page, Plan
from press.models import Clipping, Issue, Publication
from tests.factories import make_direction, make_page, make_staff
from tests.factories_commissions import make_meeting
from tests.factories_press import make_clipping
from torino_portal.models import SitePage

pytestmark = pytest.mark.django_db

TRACKED = [
    (Plan, "title"),
    (Page, "body"),
    (Direction, "description"),
    (Commission, "mandate"),
    (Meeting, "outcome"),
    (Topic, "description"),
    (Document, "title"),
    (Person, "position"),
    (Event, "description"),
    (Attachment, "title"),
    (Clipping, "summary"),
    (Publication, "description"),
    (Issue, "contents"),
    (Newsletter, "body"),
    (SitePage, "body"),
]


@pytest.mark.parametrize(("model", "translated"), TRACKED, ids=lambda v: getattr(v, "__name__", v))
def test_every_content_type_keeps_both_languages(model, translated):
    columns = {field.name for field in model.history.model._meta.fields}
    assert {f"{translated}_it", f"{translated}_en", "history_user", "history_date"} <= columns


def test_meeting_keeps_its_own_and_the_events_fields():
    columns = {field.name for field in Meeting.history.model._meta.fields}
    assert {"title_it", "title_en", "outcome_it", "outcome_en", "commission", "start"} <= columns


def edit(obj, user, **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj._history_user = user
    obj.save()
    return obj


def test_each_save_is_a_version_with_who_and_what(client):
    editor = make_staff()
    page = make_page(title_it="Prima", title_en="First")
    edit(page, editor, title_en="Second", body_it="<p>Nuovo testo.</p>")
    latest, first = page.history.order_by("-history_date")
    assert (first.title_en, latest.title_en) == ("First", "Second")
    assert latest.history_user == editor and latest.history_type == "~"
    changed = {c.field for c in latest.diff_against(first).changes}
    assert {"title_en", "body_it"} <= changed


def test_history_page_lists_the_changes_in_italian(client):
    editor = make_staff()
    page = make_page(title_en="First")
    edit(page, editor, title_en="Second")
    client.force_login(editor)
    html = client.get(reverse("admin:plans_page_history", args=[page.pk])).content.decode()
    assert "Titolo [en]" in html
    assert "modificato" in html and "creato" in html
    assert "Confronta le due versioni scelte" in html
    assert "Title [en]" not in html and "Changed by" not in html


def test_compare_shows_each_changed_field_old_and_new(client):
    editor = make_staff()
    page = make_page(title_it="Titolo vecchio", body_it="<p>Testo vecchio.</p>")
    edit(page, editor, title_it="Titolo nuovo", body_it="<p>Testo <b>nuovo</b>.</p>")
    old, new = page.history.order_by("history_date")
    client.force_login(editor)
    url = reverse("admin:plans_page_history_compare", args=[page.pk])
    html = client.get(url, {"old": old.history_id, "new": new.history_id}).content.decode()
    assert "Titolo [it]" in html and "Corpo del testo [it]" in html or "Testo [it]" in html
    table = html[html.index('class="history-compare"') :]
    assert table.index("Titolo vecchio") < table.index("Titolo nuovo")
    assert "Testo nuovo." in html  # rich text read as text, not tags
    assert "2 campi sono diversi" in html


def test_compare_with_bad_version_ids_is_a_404(client):
    editor = make_staff()
    page = make_page()
    client.force_login(editor)
    url = reverse("admin:plans_page_history_compare", args=[page.pk])
    assert client.get(url, {"old": "x", "new": "1"}).status_code == 404  # one version only
    other = make_page()
    theirs = other.history.get().history_id
    assert client.get(url, {"old": theirs, "new": page.history.get().history_id}).status_code == 404


def restore_data(record):
    """The revert form's fields, as the browser would send them."""
    local = timezone.localtime(record.published_at)
    data = {
        "plan": record.plan_id,
        "parent": record.parent_id or "",
        "order": record.order,
        "status": record.status,
        "published_at_0": local.strftime("%d/%m/%Y"),
        "published_at_1": local.strftime("%H:%M:%S"),
    }
    for name in ("title", "slug", "summary", "body"):
        for code in ("it", "en"):
            data[f"{name}_{code}"] = getattr(record, f"{name}_{code}") or ""
    return data


def test_restoring_an_earlier_version_makes_it_current(client):
    editor = make_staff()
    page = make_page(title_it="Versione buona", title_en="Good version")
    edit(page, editor, title_it="Errore", title_en="Mistake")
    first = page.history.earliest("history_date")
    client.force_login(editor)
    url = reverse("admin:plans_page_simple_history", args=[page.pk, first.history_id])
    assert "Ripristina questa versione" in client.get(url).content.decode()
    response = client.post(url, restore_data(first))
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert (page.title_it, page.title_en) == ("Versione buona", "Good version")
    assert page.history.count() == 3 and page.history.latest("history_date").history_user == editor


def test_a_view_only_account_cannot_restore(client):
    page = make_page(title_it="Giusto")
    edit(page, None, title_it="Sbagliato")
    first = page.history.earliest("history_date")
    viewer = get_user_model().objects.create_user("viewer", "v@example.org", "x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_page"))
    client.force_login(viewer)
    url = reverse("admin:plans_page_simple_history", args=[page.pk, first.history_id])
    page_html = client.get(url).content.decode()
    assert "Ripristina questa versione" not in page_html
    assert client.post(url, restore_data(first)).status_code == 403
    page.refresh_from_db()
    assert page.title_it == "Sbagliato"


def test_a_deleted_page_comes_back_in_both_languages(client):
    editor = make_staff()
    page = make_page(title_it="Pagina cancellata", title_en="Deleted page")
    pk = page.pk
    page._history_user = editor
    page.delete()
    client.force_login(editor)
    changelist = client.get(reverse("admin:plans_page_changelist")).content.decode()
    assert "Elementi eliminati" in changelist
    listing = client.get(reverse("admin:plans_page_recover_list")).content.decode()
    assert "Pagina cancellata" in listing
    record = Page.history.get(id=pk, history_type="-")
    url = reverse("admin:plans_page_recover", args=[record.history_id])
    assert "Recupera" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    back = Page.objects.get(pk=pk)
    assert (back.title_it, back.title_en) == ("Pagina cancellata", "Deleted page")
    listing = client.get(reverse("admin:plans_page_recover_list")).content.decode()
    assert "Pagina cancellata" not in listing[listing.index("<tbody>") :]


def test_recover_needs_the_add_permission(client):
    page = make_page()
    page.delete()
    record = Page.history.get(history_type="-")
    viewer = get_user_model().objects.create_user("viewer", "v@example.org", "x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_page"))
    client.force_login(viewer)
    assert client.get(reverse("admin:plans_page_recover_list")).status_code == 403
    assert (
        client.post(reverse("admin:plans_page_recover", args=[record.history_id])).status_code
        == 403
    )
    assert not Page.objects.exists()


def test_a_deleted_meeting_comes_back_as_a_meeting_not_as_an_event(client):
    editor = make_staff()
    meeting = make_meeting(title_it="Forum perduto", title_en="Lost forum")
    edit(meeting, editor, outcome_en="<p>New outcome.</p>")
    assert meeting.history.count() == 2
    pk = meeting.pk
    meeting.delete()
    client.force_login(editor)
    events = client.get(reverse("admin:events_event_recover_list")).content.decode()
    assert "Forum perduto" not in events
    meetings = client.get(reverse("admin:commissions_meeting_recover_list")).content.decode()
    assert "Forum perduto" in meetings
    record = Meeting.history.get(event_ptr_id=pk, history_type="-")
    client.post(reverse("admin:commissions_meeting_recover", args=[record.history_id]))
    back = Meeting.objects.get(pk=pk)
    assert back.title_en == "Lost forum" and back.outcome_en == "<p>New outcome.</p>"
    assert Event.objects.filter(pk=pk).exists()


def test_a_recovered_clipping_keeps_its_tags(client):
    editor = make_staff()
    direction = make_direction()
    clipping = make_clipping(headline="Articolo perduto")
    clipping.directions.add(direction)
    clipping.save()  # the tags are stored with the version saved after them (as the admin does)
    clipping.delete()
    client.force_login(editor)
    record = Clipping.history.filter(history_type="-").get()
    client.post(reverse("admin:press_clipping_recover", args=[record.history_id]))
    back = Clipping.objects.get(headline="Articolo perduto")
    assert list(back.directions.all()) == [direction]


def test_recovering_what_lost_its_parent_says_so(client):
    editor = make_staff()
    parent = make_page()
    child = make_page(parent=parent, title_it="Figlia")
    parent.delete()  # the child goes with it
    client.force_login(editor)
    record = Page.history.get(id=child.pk, history_type="-")
    response = client.post(
        reverse("admin:plans_page_recover", args=[record.history_id]), follow=True
    )
    assert "Recupera prima quello" in response.content.decode()
    assert not Page.objects.filter(pk=child.pk).exists()


def test_bulk_publish_and_withdraw_are_versions_too(client):
    editor = make_staff()
    pages = [make_page(status="draft"), make_page(status="draft")]
    client.force_login(editor)
    changelist = reverse("admin:plans_page_changelist")
    for action in ("publish", "unpublish"):
        client.post(changelist, {"action": action, "_selected_action": [p.pk for p in pages]})
    for page in pages:
        versions = list(page.history.order_by("history_date"))
        assert [v.status for v in versions] == ["draft", "published", "draft"]
        assert versions[-1].history_user == editor


@pytest.mark.parametrize(
    "path",
    [
        "/admin/plans/page/abc/history/",
        "/admin/plans/page/abc/history/compare/",
        "/admin/plans/page/1/history/abc/",
        "/admin/plans/page/abc/history/1/",
        "/admin/plans/page/1/history/compare/?old=1&new=99999",
        "/admin/plans/page/recover/99999/",
    ],
)
def test_bad_ids_in_history_addresses_are_404_not_500(client, path):
    make_page()
    client.force_login(make_staff())
    assert client.get(path).status_code == 404
