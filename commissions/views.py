from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from plans.models import Direction, Plan
from torino_portal import fragments
from torino_portal.paging import keyset_number, keyset_page, keyset_rows, page_keys, paginate
from torino_portal.publishing import published_filter

from . import selectors, services
from .forms import ContributionForm
from .models import Commission, Contribution, Document, Meeting, Topic

CONTRIBUTIONS_PER_PAGE = 50
CONTRIBUTIONS_ORDER = ("created_at", "pk")  # the index's order (Contribution.Meta)
# The timeline's pages (keyset: torino_portal/paging.py): 5,000 meetings would take seconds
# to render on one, and counting them all for "page N of M" grows with them.
TIMELINE_PER_PAGE = 50
TIMELINE_ORDER = ("start", "pk")  # the order of selectors.timeline_facts()'s page keys
# A commission's meetings, a page at a time (1,000 a commission in bench/fill_large.py).
MEETINGS_PER_PAGE = 60
APPROVED = selectors.APPROVED
# What the commission page's kept lists show: its meetings; its directions and topics.
LINK_MODELS = (Commission, Plan, Topic, Direction)
# What the meeting page shows of the meeting, its commission and plan (whether they are
# public: the preview banner); not the Agenda's registration or kind, nor the mandate.
MEETING_FIELDS = [
    *selectors._translations("title", "slug", "summary", "description", "venue_name"),
    *("start", "end", "all_day", "venue_address", "image", "sequence", "status"),
    *("published_at", "commission", "format", "phase", "participants"),
    *selectors._translations("topic", "outcome"),
]
MEETING_PAGE_FIELDS = [
    *MEETING_FIELDS,
    *("commission__status", "commission__published_at", "commission__plan"),
    *selectors._translations("commission__name", "commission__slug"),
    *("commission__plan__status", "commission__plan__published_at"),
]


def contribution_rate(group, request):
    """Contributions one address may send (django-ratelimit's rate); tests lower it."""
    return getattr(settings, "FORUM_CONTRIBUTION_RATE", "5/h")


def _commission_or_404(request, slug):
    found = _published_commissions(request).get(slug)
    if found is None and request.user.is_authenticated:  # staff preview drafts
        found = (
            Commission.objects.visible_to(request.user)
            .select_related("plan")
            .filter(slug=slug)
            .first()
        )
    if found is None:
        raise Http404
    return found


def _published_commissions(request):
    """{slug: commission} of the published commissions, kept per content generation for
    visitors (selectors.published_commissions)."""
    return _kept_for_visitors(
        request, "commissions-by-slug", selectors.published_commissions, models=(Commission, Plan)
    )


def index(request):
    def keep(name, build):
        return _kept_for_visitors(request, name, build, models=selectors.KEPT_MODELS)

    context = selectors.commission_groups(_published_commissions(request).values(), keep)
    return render(request, "commissions/index.html", context)


def detail(request, slug):
    commission = _commission_or_404(request, slug)
    context = {"commission": commission, "object": commission}

    def keep(name, build, *key, models=selectors.KEPT_MODELS):
        return _kept_for_visitors(request, name, build, *key, models=models)

    ids = keep(
        "commission-meeting-ids",
        lambda: selectors.commission_meeting_ids(commission),
        commission.pk,
    )
    page_obj = paginate(request, ids, MEETINGS_PER_PAGE)
    context.update(selectors.commission_page(commission, page_obj, keep, LINK_MODELS))
    return render(request, "commissions/detail.html", context)


def meeting(request, commission, pk, slug):
    if request.user.is_authenticated:
        meetings = (
            Meeting.objects.visible_to(request.user)
            .filter(commission__in=Commission.objects.visible_to(request.user))
            .select_related("commission__plan")
            .only(*MEETING_PAGE_FIELDS)
        )
    else:  # the published commissions are kept: the meeting's own row is all to read
        published = _published_commissions(request).get(commission)
        # A plain QuerySet: the lookups name no translated field, and modeltranslation's
        # rewriting of them is a good part of building the statement.
        meetings = (
            QuerySet(Meeting)
            .filter(**published_filter(), commission_id=published.pk if published else 0)
            .only(*MEETING_FIELDS)
        )
    found = get_object_or_404(
        meetings,
        # The Agenda event's own id, not `pk` (the parent link): Django turns an id past the
        # column's range into "no such row" only on integer fields; on SQLite the link's
        # lookup overflowed into a 500.
        id=pk,
    )
    if not request.user.is_authenticated:
        found.commission = published
    if found.commission.slug != commission:
        raise Http404
    if found.slug != slug and not (slug == "-" and not found.slug):
        return redirect(found, permanent=True)
    return render(
        request,
        "commissions/meeting.html",
        {
            "meeting": found,
            "object": found,
            "commission": found.commission,
            "commission_url": found.commission.get_absolute_url(),
            **_meeting_documents(request, found),
        },
    )


def _meeting_documents(request, meeting):
    """{"documents": the meeting's documents} for staff; for visitors {"documents_html": the
    rendered list}, kept per content generation for a meeting that has documents (which
    meetings have documents is kept too: a meeting without any asks nothing)."""
    if request.user.is_authenticated:
        return {"documents": list(meeting.documents.all())}
    with_documents = fragments.kept("meetings-with-documents", selectors.meetings_with_documents)
    key = meeting.pk if meeting.pk in with_documents else None
    return {
        "documents_html": fragments.kept(
            "meeting-documents",
            lambda: render_to_string(
                "commissions/_documents.html",
                {
                    "documents": QuerySet(Document)
                    .filter(meeting_id=key or 0)
                    .order_by("order", "pk")
                },
            ),
            key,
        )
    }


def process(request):
    facts = _kept_for_visitors(
        request,
        "timeline-facts",
        lambda: selectors.timeline_facts(TIMELINE_PER_PAGE),
        models=selectors.KEPT_MODELS,
    )
    paginator, number = keyset_number(request, facts["pages"][0], TIMELINE_PER_PAGE)

    def page_ids():
        meetings = selectors.timeline_meetings(list(facts["commissions"]))
        return tuple(
            keyset_rows(
                meetings.values_list("pk", flat=True),
                TIMELINE_ORDER,
                TIMELINE_PER_PAGE,
                facts["pages"],
                number,
            )
        )

    # The page's meeting ids, kept per content generation and page (found by keyset once):
    # a visitor's page is then one query by primary key, quick to build and to plan. The
    # count is part of the key: a scheduled meeting going live renews `facts` (kept with
    # KEPT_MODELS) and changes it, so the ids need no look-up of the next publication.
    count = facts["pages"][0]
    ids = _kept_for_visitors(request, "timeline-page", page_ids, number, count)
    page_obj = Page(selectors.timeline_page(ids), number, paginator)
    context = selectors.process_timeline(page_obj, facts)
    return render(request, "commissions/process.html", context)


def _kept_for_visitors(request, name, build, *key, models=()):
    """build()'s value, kept per content generation for visitors (torino_portal/fragments.py),
    built afresh for signed-in users (staff are never served a kept value)."""
    if request.user.is_authenticated:
        return build()
    return fragments.kept(name, build, *key, models=models)


def forum(request):
    facts = _kept_for_visitors(
        request, "forum-facts", selectors.forum_facts, models=selectors.FORUM_MODELS
    )
    return render(request, "commissions/forum.html", {"groups": selectors.forum_groups(facts)})


@ratelimit(key="ip", rate=contribution_rate, method="POST", block=True)
def topic(request, commission, slug):
    # A topic's slug is unique within its commission (Topic's constraints).
    if request.user.is_authenticated:
        found = get_object_or_404(
            Topic.objects.visible_to(request.user)
            .filter(commission__in=Commission.objects.visible_to(request.user))
            .select_related("commission__plan"),
            commission__slug=commission,
            slug=slug,
        )
    else:  # the published topics are kept per content generation (never changed here)
        facts = fragments.kept("forum-facts", selectors.forum_facts, models=selectors.FORUM_MODELS)
        found = facts["topics"].get((commission, slug))
        if found is None:
            raise Http404("No such topic.")
    status = 200
    form = ContributionForm()
    if request.method == "POST":
        form = ContributionForm(request.POST)
        if not found.is_open:
            messages.error(request, _("This topic is closed: it accepts no new contribution."))
            status = 400
        elif form.is_valid():
            if not form.is_spam():
                services.submit_contribution(
                    found,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    text=form.cleaned_data["text"],
                    language=translation.get_language(),
                )
            messages.success(
                request,
                _(
                    "Thank you: your contribution has been received and is awaiting moderation. "
                    "It will appear here once the editors approve it."
                ),
            )
            return redirect(found.get_absolute_url() + "#contributions")
        else:
            status = 400
    # By keyset from the page keys kept for the topic (torino_portal/paging.py): no COUNT and
    # no OFFSET however many contributions; the count in the heading is the kept one.
    contributions = Contribution.objects.approved().filter(topic_id=found.pk)
    keys = _kept_for_visitors(
        request,
        "topic-pages",
        lambda: page_keys(contributions, CONTRIBUTIONS_ORDER, CONTRIBUTIONS_PER_PAGE),
        found.pk,
    )
    page_obj = keyset_page(
        request,
        contributions.values_list("pk", "name", "text", "language", "created_at", named=True),
        CONTRIBUTIONS_ORDER,
        CONTRIBUTIONS_PER_PAGE,
        keys,
    )
    return render(
        request,
        "commissions/topic.html",
        {
            "topic": found,
            "object": found,
            "commission": found.commission,
            "page_obj": page_obj,
            "contributions": selectors.contribution_items(page_obj.object_list),
            "form": form,
        },
        status=status,
    )
