"""What the commission pages show, assembled from several querysets (the views only render).

Each function runs a fixed number of queries whatever the number of meetings, documents and
topics (tests/test_commissions.py::test_pages_take_a_fixed_number_of_queries).
"""

from itertools import groupby

from django.conf import settings
from django.db.models import Count, Max, Min, Prefetch, Q
from django.utils import timezone

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
)

APPROVED = Q(contributions__status=ContributionStatus.APPROVED)


def _translations(*fields):
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


def _listed_meetings():
    """Published meetings in date order, without the long texts a list does not show."""
    return (
        Meeting.objects.published()
        .defer("description", "outcome", *_translations("description", "outcome"))
        .order_by("start", "pk")
    )


def by_phase(meetings):
    """[(phase, [meetings])] for the three phases, each in date order."""
    return [(phase, [m for m in meetings if m.phase == phase]) for phase in Phase]


def commission_groups():
    """The index: [(kind, [commissions])] with their coordinators and meeting counts."""
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
    return {"groups": groups, "commissions": commissions}


def commission_meetings(commission):
    """The commission's published meetings in date order, the pages of its meeting list."""
    return _listed_meetings().filter(commission=commission)


def commission_page(commission, page_obj):
    """A commission's page: its people by role, a page of its meetings (`page_obj`) by phase
    and then by format, its documents (of its public meetings, or of no meeting),
    directions and open topics."""
    people = list(commission.people.all())
    meetings = list(page_obj.object_list)
    for meeting in meetings:
        meeting.commission = commission
    documents = list(
        Document.objects.filter(commission=commission)
        .filter(Q(meeting=None) | Q(meeting__in=commission_meetings(commission).values("pk")))
        .order_by("meeting__start", "order", "pk")
    )
    phases = []
    for phase, items in by_phase(meetings):
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
    return {
        "coordinators": [p for p in people if p.role == PersonRole.COORDINATOR],
        "members": [p for p in people if p.role == PersonRole.MEMBER],
        "meetings": meetings,
        "page_obj": page_obj,
        "phases": phases,
        "documents": documents,
        "directions": list(
            commission.directions.published().select_related("plan").order_by("number")
        ),
        "topics": topics,
    }


def timeline_meetings():
    """Every commission's published meetings in date order, the timeline's pages."""
    return _listed_meetings().select_related("commission")


def process_timeline(page_obj):
    """A page of the timeline: [(phase, summary, [(month, meetings)])] with the page's
    meetings, and each phase's summary over all pages (count, first and last start; None
    when it has none) from one grouped query, so a page costs the same however many."""
    meetings = list(page_obj.object_list)
    summaries = {
        row["phase"]: row
        for row in _listed_meetings()
        .order_by()
        .values("phase")
        .annotate(count=Count("pk"), first=Min("start"), last=Max("start"))
    }
    phases = []
    for phase, items in by_phase(meetings):
        months = [
            (month, list(group))
            for month, group in groupby(
                items, key=lambda m: timezone.localtime(m.start).date().replace(day=1)
            )
        ]
        phases.append((phase, summaries.get(phase.value), months))
    return {"phases": phases, "meetings": meetings, "page_obj": page_obj}
