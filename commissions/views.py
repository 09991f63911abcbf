from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from torino_portal.paging import paginate

from . import services
from .forms import ContributionForm
from .models import (
    Commission,
    CommissionKind,
    ContributionStatus,
    Document,
    Meeting,
    MeetingFormat,
    Person,
    PersonRole,
    Phase,
    Topic,
)

CONTRIBUTIONS_PER_PAGE = 50
APPROVED = Q(contributions__status=ContributionStatus.APPROVED)


def contribution_rate(group, request):
    """Contributions one address may send (django-ratelimit's rate); tests lower it."""
    return getattr(settings, "FORUM_CONTRIBUTION_RATE", "5/h")


def _commission_or_404(request, slug):
    # The plan comes along: whether the page is public (the preview banner) asks it too.
    return get_object_or_404(
        Commission.objects.visible_to(request.user).select_related("plan"), slug=slug
    )


def _by_phase(meetings):
    """[(phase, [meetings])] for the three phases, each in date order."""
    return [(phase, [m for m in meetings if m.phase == phase]) for phase in Phase]


def index(request):
    published_meetings = Meeting.objects.published().values("pk")
    commissions = list(
        Commission.objects.published()
        .select_related("plan")
        .annotate(meeting_count=Count("meetings", filter=Q(meetings__in=published_meetings)))
        .prefetch_related(
            Prefetch(
                "people",
                queryset=Person.objects.filter(role=PersonRole.COORDINATOR),
                to_attr="coordinators",
            )
        )
    )
    groups = [(kind, [c for c in commissions if c.kind == kind.value]) for kind in CommissionKind]
    return render(
        request,
        "commissions/index.html",
        {"groups": groups, "commissions": commissions},
    )


def detail(request, slug):
    commission = _commission_or_404(request, slug)
    people = list(commission.people.all())
    meetings = list(
        Meeting.objects.published()
        .filter(commission=commission)
        .defer("description", "outcome", *_translations("description", "outcome"))
        .order_by("start", "pk")
    )
    for meeting in meetings:
        meeting.commission = commission
    visible = {meeting.pk for meeting in meetings}
    documents = [
        document
        for document in Document.objects.filter(commission=commission).order_by(
            "meeting__start", "order", "pk"
        )
        if document.meeting_id is None or document.meeting_id in visible
    ]
    by_meeting = {m.pk: m for m in meetings}
    for document in documents:
        if document.meeting_id:
            document.meeting = by_meeting[document.meeting_id]
    phases = []
    for phase, items in _by_phase(meetings):
        formats = [
            (meeting_format, [m for m in items if m.format == meeting_format.value])
            for meeting_format in MeetingFormat
        ]
        phases.append((phase, items, [(f, ms) for f, ms in formats if ms]))
    topics = list(
        commission.topics.published().annotate(
            contribution_count=Count("contributions", filter=APPROVED)
        )
    )
    for topic in topics:
        topic.commission = commission
    return render(
        request,
        "commissions/detail.html",
        {
            "commission": commission,
            "object": commission,
            "coordinators": [p for p in people if p.role == PersonRole.COORDINATOR],
            "members": [p for p in people if p.role == PersonRole.MEMBER],
            "meetings": meetings,
            "phases": phases,
            "documents": documents,
            "directions": list(
                commission.directions.published().select_related("plan").order_by("number")
            ),
            "topics": topics,
        },
    )


def _translations(*fields):
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


def meeting(request, commission, pk, slug):
    found = get_object_or_404(
        Meeting.objects.visible_to(request.user)
        .filter(commission__in=Commission.objects.visible_to(request.user))
        .select_related("commission__plan", "kind"),
        pk=pk,
    )
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
            "documents": list(found.documents.all()),
        },
    )


def process(request):
    meetings = list(
        Meeting.objects.published()
        .select_related("commission")
        .defer("description", "outcome", *_translations("description", "outcome"))
        .order_by("start", "pk")
    )
    phases = []
    for phase, items in _by_phase(meetings):
        months = [
            (month, list(group))
            for month, group in groupby(
                items, key=lambda m: timezone.localtime(m.start).date().replace(day=1)
            )
        ]
        phases.append((phase, items, months))
    return render(request, "commissions/process.html", {"phases": phases, "meetings": meetings})


def forum(request):
    topics = list(
        Topic.objects.published()
        .filter(commission__in=Commission.objects.published())
        .select_related("commission")
        .annotate(contribution_count=Count("contributions", filter=APPROVED))
        .order_by("commission__order", "commission", "-published_at")
    )
    return render(request, "commissions/forum.html", {"topics": topics})


@ratelimit(key="ip", rate=contribution_rate, method="POST", block=True)
def topic(request, commission, slug):
    # A topic's slug is unique within its commission (Topic's constraints).
    found = get_object_or_404(
        Topic.objects.visible_to(request.user)
        .filter(commission__in=Commission.objects.visible_to(request.user))
        .select_related("commission__plan"),
        commission__slug=commission,
        slug=slug,
    )
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
    contributions = found.contributions.approved().order_by("created_at", "pk")
    return render(
        request,
        "commissions/topic.html",
        {
            "topic": found,
            "object": found,
            "commission": found.commission,
            "page_obj": paginate(request, contributions, CONTRIBUTIONS_PER_PAGE),
            "form": form,
        },
        status=status,
    )
