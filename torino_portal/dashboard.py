"""The admin home's dashboard (issue 11): what waits for someone, and what lacks English.

Each block is one function of the request that returns None when the user may not view
the model it counts, and costs a fixed number of queries however much content there is
(tests/test_dashboard.py bounds them). Charts are drawn here as SVG: no script, no library.
"""

import datetime

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator

from .months import shift_month
from .publishing import Status

# The content types of the site, in the order of the admin's sections.
CONTENT_MODELS = [
    "plans.plan",
    "plans.page",
    "plans.direction",
    "commissions.commission",
    "commissions.meeting",
    "commissions.topic",
    "events.event",
    "press.clipping",
    "press.publication",
    "press.issue",
    "newsletter.newsletter",
    "torino_portal.sitepage",
]
TITLE_FIELDS = ("title", "name", "subject", "theme")
TEXT_FIELDS = ("body", "description", "mandate", "contents", "summary")
CHART_MONTHS = 12


def can_view(user, model):
    opts = model._meta
    return any(
        user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
        for action in ("view", "change")
    )


def changelist(model, query=""):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{query}" if query else url


def english_fields(model):
    """The English columns of the model's title and main text (either may be None)."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return None, None
    title = next((f"{name}_en" for name in TITLE_FIELDS if name in translated), None)
    text = next((f"{name}_en" for name in TEXT_FIELDS if name in translated), None)
    return title, text


def missing_english(model):
    """The items whose English title or text is empty (a Q object), or None."""
    condition = None
    for column in english_fields(model):
        if column:
            empty = Q(**{column: ""}) | Q(**{f"{column}__isnull": True})
            condition = empty if condition is None else condition | empty
    return condition


def content_status(request):
    """Per content type: drafts, scheduled, published without English. One query each."""
    now = timezone.now()
    rows = []
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        if not can_view(request.user, model):
            continue
        published = Q(status=Status.PUBLISHED)
        counts = {
            "drafts": Count("pk", filter=Q(status=Status.DRAFT)),
            "scheduled": Count("pk", filter=published & Q(published_at__gt=now)),
        }
        lacking = missing_english(model)
        if lacking is not None:
            counts["no_english"] = Count("pk", filter=published & lacking)
        totals = model._default_manager.aggregate(**counts)
        rows.append(
            {
                "name": model._meta.verbose_name_plural,
                "drafts": totals["drafts"],
                "drafts_url": changelist(model, "status__exact=draft"),
                "scheduled": totals["scheduled"],
                "scheduled_url": changelist(model, "status__exact=published&when=scheduled"),
                "no_english": totals.get("no_english"),
                "no_english_url": changelist(model, "status__exact=published&english=missing"),
            }
        )
    return rows


def contributions(request):
    Contribution = apps.get_model("commissions", "Contribution")
    if not can_view(request.user, Contribution):
        return None
    waiting = Contribution.objects.filter(status="pending")
    return {
        "count": waiting.count(),
        "latest": list(waiting.select_related("topic").order_by("created_at")[:5]),
        "url": changelist(Contribution, "status__exact=pending"),
    }


def upcoming_registrations(request):
    """The coming events that take registrations, with confirmed, held and free seats."""
    Event = apps.get_model("events", "Event")
    if not can_view(request.user, Event):
        return None
    events = list(
        Event.objects.filter(registration_enabled=True, start__gte=timezone.now())
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            held=Count("registrations", filter=Q(registrations__status="held")),
            waiting=Count("registrations", filter=Q(registrations__status="waiting")),
        )
        .order_by("start")[:8]
    )
    for event in events:
        taken = event.confirmed + event.held
        event.free = None if event.seats is None else max(event.seats - taken, 0)
        event.admin_url = reverse("admin:events_event_change", args=[event.pk])
    return events


def newsletters_sending(request):
    """Newsletters queued and not finished, with sent / waiting / failed deliveries."""
    Newsletter = apps.get_model("newsletter", "Newsletter")
    if not can_view(request.user, Newsletter):
        return None
    rows = list(
        Newsletter.objects.filter(queued_at__isnull=False)
        .annotate(
            sent=Count("deliveries", filter=Q(deliveries__status="sent")),
            waiting=Count("deliveries", filter=Q(deliveries__status="pending")),
            failed=Count("deliveries", filter=Q(deliveries__status="failed")),
        )
        .filter(Q(waiting__gt=0) | Q(failed__gt=0))
        .order_by("-queued_at")[:5]
    )
    for newsletter in rows:
        newsletter.admin_url = reverse("admin:newsletter_newsletter_change", args=[newsletter.pk])
    return rows


def month_starts(now, count=CHART_MONTHS):
    """The first days of the last `count` months, oldest first (torino_portal.months)."""
    return [shift_month(now.date(), -back) for back in range(count - 1, -1, -1)]


def monthly(queryset, field, now):
    """{first day of month: count} for the last CHART_MONTHS months, in one query."""
    months = month_starts(now)
    start = timezone.make_aware(datetime.datetime.combine(months[0], datetime.time()))
    rows = (
        queryset.filter(**{f"{field}__gte": start})
        .annotate(month=TruncMonth(field))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    found = {}
    for month, n in rows:
        key = month.date() if isinstance(month, datetime.datetime) else month
        found[key] = found.get(key, 0) + n
    return [(month, found.get(month, 0)) for month in months]


def bar_chart(series, width=360, height=120):
    """Bars for [(month, count)] as data for an inline SVG (the template draws it)."""
    peak = max((n for _m, n in series), default=0) or 1
    gap, label_space = 4, 18
    bar_width = (width - gap * (len(series) - 1)) / max(len(series), 1)
    bars = []
    for i, (month, n) in enumerate(series):
        bar_height = (height - label_space) * n / peak
        bars.append(
            {
                "x": round(i * (bar_width + gap), 1),
                "y": round(height - label_space - bar_height, 1),
                "width": round(bar_width, 1),
                "height": round(bar_height, 1),
                "label_x": round(i * (bar_width + gap) + bar_width / 2, 1),
                "month": month,
                "count": n,
            }
        )
    return {"bars": bars, "width": width, "height": height, "total": sum(n for _m, n in series)}


def charts(request):
    now = timezone.now()
    result = {}
    Subscriber = apps.get_model("newsletter", "Subscriber")
    Registration = apps.get_model("events", "Registration")
    if can_view(request.user, Subscriber):
        confirmed = Subscriber.objects.filter(confirmed_at__isnull=False)
        result["subscribers"] = bar_chart(monthly(confirmed, "confirmed_at", now))
    if can_view(request.user, Registration):
        result["registrations"] = bar_chart(monthly(Registration.objects.all(), "created_at", now))
    return result


def dashboard(request):
    return {
        "content_status": content_status(request),
        "contributions": contributions(request),
        "upcoming": upcoming_registrations(request),
        "sending": newsletters_sending(request),
        "charts": charts(request),
    }
