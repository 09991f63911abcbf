"""One visibility rule: an item is public only when it and everything it belongs to are.

Each case builds a published item under a draft parent (plan, parent page, commission,
event) and walks every public surface: its own page, the lists, the home page, search,
the sitemap, the feeds, the iCalendar feeds, the previous/next links and the side tree.
Nothing of it may show. Then the parent is published and the item appears, so the checks
cannot pass by looking in the wrong place. Staff preview the drafts only with the change
permission of that content type.
"""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from commissions.models import Commission, Document, Meeting, Topic
from events.models import Attachment, Event
from plans.models import Direction, Page, Plan
from tests.factories import make_direction, make_page, make_plan
from tests.factories_commissions import make_commission, make_document, make_meeting, make_topic
from tests.factories_events import days_from_now, make_event
from torino_portal.publishing import Status
from torino_portal.sitemaps import SITEMAPS

pytestmark = pytest.mark.django_db

MARK = "Quokkaplum"  # in every hidden item's title: no other text on the site has it
# What shows of a hidden item: its title, "Quokkaplum pagina" (the search page repeats the
# query, "Quokkaplum ·" in its title, which is no item).
SHOWN = re.compile(MARK + r" \w")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def titled(n, **fields):
    return {"title_it": f"{MARK} {n}", "title_en": f"{MARK} {n} en", **fields}


def sitemap_urls():
    """The sitemap index and every section's sitemap it lists."""
    return [
        reverse("sitemap"),
        *(reverse("sitemap-section", kwargs={"section": key}) for key in SITEMAPS),
    ]


SITEMAP_URLS = sitemap_urls()


def in_sitemap(shown, url):
    return any(place in SITEMAP_URLS and needle == url for place, needle in shown)


def surfaces(extra=()):
    """Every public list, feed and index, in both languages where the content differs."""
    today = timezone.localdate()
    urls = [
        reverse("home"),
        reverse("search") + f"?q={MARK}",
        *SITEMAP_URLS,
        reverse("events:index"),
        reverse("events:archive"),
        reverse("events:feed"),
        reverse("events:atom"),
        reverse("events:ical"),
        reverse("events:year", kwargs={"year": today.year}),
        reverse("events:month", kwargs={"year": today.year, "month": today.month}),
        reverse("commissions:index"),
        reverse("commissions:process"),
        reverse("commissions:forum"),
        *extra,
    ]
    for kind in ("forum", "conference"):
        urls.append(reverse("events:ical-kind", kwargs={"kind": kind}))
    return urls


def shown_anywhere(client, urls, needles):
    """The (url, needle) pairs where a needle shows; 404s count as showing nothing."""
    found = []
    for url in urls:
        response = client.get(url)
        if response.status_code == 404:
            continue
        assert response.status_code == 200, url
        content = response.content.decode()
        found += [
            (url, getattr(needle, "pattern", needle))
            for needle in needles
            if (needle.search(content) if isinstance(needle, re.Pattern) else needle in content)
        ]
    return found


def day_url(event):
    day = event.local_start_date
    return reverse("events:day", kwargs={"year": day.year, "month": day.month, "day": day.day})


def agenda_url(event):
    return Event.get_absolute_url(Event.objects.get(pk=event.pk))


# The querysets: each model's published() holds the whole rule.


def test_pages_under_a_draft_parent_or_plan_are_not_published():
    plan = make_plan()
    top = make_page(plan=plan)
    draft = make_page(plan=plan, status=Status.DRAFT)
    child = make_page(parent=draft)
    grandchild = make_page(parent=child)
    scheduled = make_page(plan=plan, published_at=timezone.now() + datetime.timedelta(days=1))
    under_scheduled = make_page(parent=scheduled)
    assert set(Page.objects.published()) == {top}
    assert not {child, grandchild, under_scheduled} & set(Page.objects.published())
    draft_plan = make_plan(status=Status.DRAFT)
    make_page(plan=draft_plan)
    make_direction(plan=draft_plan)
    assert set(Page.objects.published()) == {top}
    assert not Direction.objects.published().filter(plan=draft_plan).exists()
    Page.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)
    assert set(Page.objects.published()) == {top, draft, child, grandchild}


def test_commission_parts_follow_their_commission():
    draft = make_commission(status=Status.DRAFT)
    meeting = make_meeting(commission=draft)
    topic = make_topic(commission=draft)
    document = make_document(meeting)
    own_document = make_document(commission=draft)
    assert not Meeting.objects.published().exists()
    assert not Event.objects.published().filter(pk=meeting.pk).exists()
    assert not Topic.objects.published().exists()
    assert not Document.objects.published().exists()
    Commission.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED)
    assert list(Meeting.objects.published()) == [meeting]
    assert list(Event.objects.published()) == [Event.objects.get(pk=meeting.pk)]
    assert list(Topic.objects.published()) == [topic]
    assert set(Document.objects.published()) == {document, own_document}
    # A draft meeting hides its documents; a draft plan hides the whole commission.
    Meeting.objects.filter(pk=meeting.pk).update(status=Status.DRAFT)
    assert list(Document.objects.published()) == [own_document]
    Plan.objects.filter(pk=draft.plan_id).update(status=Status.DRAFT)
    assert not Commission.objects.published().exists()
    assert not Document.objects.published().exists()


def test_plain_events_are_not_affected_by_the_commissions_condition():
    event = make_event()
    assert list(Event.objects.published()) == [event]
    assert list(Event.objects.published().upcoming()) == [event]


# Every surface, per case.


def test_a_draft_plan_shows_nothing_of_its_pages_directions_and_commissions(client):
    public_plan = make_plan()
    make_page(plan=public_plan)
    plan = make_plan(status=Status.DRAFT, title_it=f"{MARK} piano", title_en=f"{MARK} plan")
    page = make_page(plan=plan, **titled("pagina"))
    child = make_page(parent=page, **titled("figlia"))
    direction = make_direction(plan=plan, **titled("direzione"))
    commission = make_commission(plan=plan, name_it=f"{MARK} c", name_en=f"{MARK} c")
    meeting = make_meeting(commission=commission, start=days_from_now(3), **titled("incontro"))
    for url in (
        page.get_absolute_url(),
        child.get_absolute_url(),
        direction.get_absolute_url(),
        commission.get_absolute_url(),
        meeting.get_absolute_url(),
        agenda_url(meeting),
    ):
        assert client.get(url).status_code == 404, url
    urls = surfaces([public_plan.get_absolute_url(), day_url(meeting)])
    hidden = [page, child, direction, commission, meeting]
    needles = [SHOWN, *(item.get_absolute_url() for item in hidden), agenda_url(meeting)]
    assert shown_anywhere(client, urls, needles) == []
    plan.status = Status.PUBLISHED
    plan.save()
    assert client.get(child.get_absolute_url()).status_code == 200
    shown = shown_anywhere(client, urls, needles)
    assert in_sitemap(shown, child.get_absolute_url())
    assert in_sitemap(shown, agenda_url(meeting))
    assert (reverse("events:index"), SHOWN.pattern) in shown


def test_a_draft_parent_page_hides_its_subtree_everywhere(client):
    plan = make_plan()
    sibling = make_page(plan=plan)
    parent = make_page(plan=plan, status=Status.DRAFT, **titled("genitore"))
    child = make_page(parent=parent, **titled("figlia"))
    grandchild = make_page(parent=child, **titled("nipote"))
    for page in (parent, child, grandchild):
        assert client.get(page.get_absolute_url()).status_code == 404
    # The side tree of the plan and of a public sibling, the search, the sitemap.
    urls = surfaces([plan.get_absolute_url(), sibling.get_absolute_url()])
    needles = [SHOWN, *(page.get_absolute_url() for page in (parent, child, grandchild))]
    assert shown_anywhere(client, urls, needles) == []
    parent.status = Status.PUBLISHED
    parent.save()
    assert client.get(grandchild.get_absolute_url()).status_code == 200
    shown = shown_anywhere(client, urls, needles)
    assert in_sitemap(shown, grandchild.get_absolute_url())
    assert (plan.get_absolute_url(), SHOWN.pattern) in shown  # the side tree


def test_a_draft_commission_shows_nothing_of_its_meetings_topics_and_documents(client):
    plan = make_plan()
    commission = make_commission(
        plan=plan, status=Status.DRAFT, name_it=f"{MARK} comm", name_en=f"{MARK} comm"
    )
    meeting = make_meeting(commission=commission, start=days_from_now(2), **titled("incontro"))
    past = make_meeting(
        commission=commission, start=days_from_now(-40), **titled("incontro passato")
    )
    topic = make_topic(commission=commission, **titled("tema"))
    document = make_document(meeting, name="verbale-segreto.pdf", **titled("documento"))
    # Public events around the meeting: their previous/next links may not name it.
    before = make_event(start=days_from_now(1))
    after = make_event(start=days_from_now(3))
    for url in (
        commission.get_absolute_url(),
        meeting.get_absolute_url(),
        past.get_absolute_url(),
        topic.get_absolute_url(),
        agenda_url(meeting),
        agenda_url(past),
        reverse("events:ics", kwargs=Event.objects.get(pk=meeting.pk)._url_kwargs()),
    ):
        assert client.get(url).status_code == 404, url
    urls = surfaces(
        [
            day_url(meeting),
            day_url(past),
            agenda_url(before),
            agenda_url(after),
            reverse("events:year", kwargs={"year": past.local_start_date.year}),
        ]
    )
    needles = [SHOWN, document.file.url, meeting.get_absolute_url(), agenda_url(meeting)]
    assert shown_anywhere(client, urls, needles) == []
    # Published, the same surfaces show it: the checks look in the right places.
    commission.status = Status.PUBLISHED
    commission.save()
    shown = shown_anywhere(client, urls, needles)
    assert in_sitemap(shown, meeting.get_absolute_url())
    shown = {url for url, _needle in shown}
    assert {reverse("home"), reverse("events:index"), agenda_url(before)} <= shown
    assert reverse("events:ical") in shown and reverse("commissions:forum") in shown


def test_a_draft_event_shows_nothing_of_itself_or_its_attachments(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    event = make_event(start=days_from_now(2), status=Status.DRAFT, **titled("evento"))
    attachment = Attachment.objects.create(
        event=event, title="Programma", file=SimpleUploadedFile("programma.pdf", PDF)
    )
    neighbour = make_event(start=days_from_now(3))
    assert client.get(agenda_url(event)).status_code == 404
    assert not Attachment.objects.published().exists()
    urls = surfaces([day_url(event), agenda_url(neighbour)])
    assert shown_anywhere(client, urls, [SHOWN, attachment.file.url]) == []
    event.status = Status.PUBLISHED
    event.save()
    assert list(Attachment.objects.published()) == [attachment]
    assert shown_anywhere(client, [agenda_url(event)], [attachment.file.url])


# Draft preview needs the change permission of the content type.


def staff(username, *codenames):
    user = get_user_model().objects.create_user(username, is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=[*codenames, "view_page", "view_event"])
    )
    return user


def test_staff_without_the_change_permission_get_404_for_drafts(client):
    page = make_page(status=Status.DRAFT, **titled("bozza"))
    event = make_event(status=Status.DRAFT)
    meeting = make_meeting(status=Status.DRAFT)
    client.force_login(staff("viewer"))
    for url in (page.get_absolute_url(), agenda_url(event), meeting.get_absolute_url()):
        assert client.get(url).status_code == 404, url
    # Another type's permission is not enough either.
    client.force_login(staff("eventi", "change_event"))
    assert client.get(page.get_absolute_url()).status_code == 404
    assert client.get(agenda_url(event)).status_code == 200


def test_staff_with_the_change_permission_preview_drafts_with_the_banner(client):
    page = make_page(status=Status.DRAFT, **titled("bozza"))
    client.force_login(staff("redattore", "change_page"))
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    assert 'class="preview-banner"' in response.content.decode()


def test_the_banner_shows_on_a_published_page_under_a_draft_parent(client):
    parent = make_page(status=Status.DRAFT)
    child = make_page(parent=parent)
    client.force_login(staff("redattore", "change_page"))
    response = client.get(child.get_absolute_url())
    assert response.status_code == 200
    assert 'class="preview-banner"' in response.content.decode()
    client.logout()
    assert client.get(child.get_absolute_url()).status_code == 404


def test_the_agenda_preview_of_a_meeting_of_a_draft_commission_has_the_banner(client):
    meeting = make_meeting(commission=make_commission(status=Status.DRAFT))
    client.force_login(staff("eventi", "change_event"))
    response = client.get(agenda_url(meeting))
    assert response.status_code == 200
    assert 'class="preview-banner"' in response.content.decode()
    event = make_event()
    assert 'class="preview-banner"' not in client.get(agenda_url(event)).content.decode()


def _draft_of_each_type():
    from tests.factories import make_site_page
    from tests.factories_newsletter import make_newsletter
    from tests.factories_press import make_clipping, make_issue, make_publication

    draft = {"status": Status.DRAFT}
    return [
        make_plan(**draft),
        make_page(**draft),
        make_direction(**draft),
        make_commission(**draft),
        make_meeting(**draft),
        make_topic(**draft),
        make_event(**draft),
        make_clipping(**draft),
        make_publication(**draft),
        make_issue(**draft),
        make_newsletter(**draft),
        make_site_page("help", **draft),
    ]


def test_every_detail_view_previews_drafts_only_with_the_change_permission(client):
    """A view-only staff account gets the visitor's 404; the change permission of that one
    content type shows the draft with the preview banner."""
    drafts = _draft_of_each_type()
    viewer = get_user_model().objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    client.force_login(viewer)
    for item in drafts:
        assert client.get(item.get_absolute_url()).status_code == 404, item._meta.label
    for item in drafts:
        opts = item._meta
        editor = get_user_model().objects.create_user(f"edit-{opts.model_name}", is_staff=True)
        editor.user_permissions.add(
            Permission.objects.get(
                content_type__app_label=opts.app_label, codename=f"change_{opts.model_name}"
            )
        )
        client.force_login(editor)
        response = client.get(item.get_absolute_url())
        assert response.status_code == 200, opts.label
        assert 'class="preview-banner"' in response.content.decode(), opts.label
