"""The Agenda's pages: what comes next, the archive by year, month and day, the month
calendar, each event with its iCalendar file and registration, and the feeds.

Every list starts from `Event.objects.published()` and takes a fixed number of queries;
unknown kinds, impossible dates and years far out of range are 404s in the layout.
"""

import datetime
import hashlib
from array import array
from bisect import bisect_left

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.db.models import F, Max, Min, Q, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from torino_portal import fragments
from torino_portal.months import shift_month
from torino_portal.publishing import can_preview
from torino_portal.templatetags.seo import event_json_ld

from . import ical, lists, services
from .forms import RegistrationForm
from .models import (
    Attachment,
    Event,
    EventKind,
    Registration,
    RegistrationStatus,
    local_midnight,
    public_models,
)
from .month import build_month

PER_PAGE = 20
MIN_YEAR = 1990
YEARS_AHEAD = 10
# The columns prev/next links need; the rest of a neighbour's row is not read.
LINK_FIELDS = ("start", "slug_it", "slug_en", "title_it", "title_en")


def _max_year():
    return timezone.localdate().year + YEARS_AHEAD


def _day_or_404(year, month=1, day=1):
    if not MIN_YEAR <= year <= _max_year():
        raise Http404(_("No agenda for that year."))
    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError) as error:  # a month past 2**31 overflows, not errs
        raise Http404(_("There is no such date.")) from error


def _keep(request, name, build, *key, models=None):
    """build()'s value, kept per content generation, language and day for visitors
    (torino_portal/fragments.py; `models`: by default those whose rows decide which events
    are public, so a scheduled event, commission or plan going live ends it); staff get
    theirs every time."""
    if request.user.is_authenticated:
        return build()
    return fragments.kept(name, build, *key, models=public_models() if models is None else models)


def _kind_filter(request):
    """The kinds (for the filter links) and the one chosen with `?kind=`; unknown is 404."""
    kinds = _keep(request, "agenda-kinds", lambda: list(EventKind.objects.all()), models=())
    slug = request.GET.get("kind", "")
    if not slug:
        return kinds, None
    for kind in kinds:
        if kind.slug == slug:
            return kinds, kind
    raise Http404(_("There is no such kind of event."))


def _listed(kind):
    events = Event.objects.published()
    return events.filter(kind=kind) if kind else events


def _slug(kind):
    return kind.slug if kind else ""


def _between(request, kind, first_day, last_day):
    """The listed events that touch any day from `first_day` to `last_day`, with a lower
    bound on start (the window's start less the longest event's span, kept): with only
    `between()`'s "starts in the window, or ends in it or later", PostgreSQL reads the
    start index from the oldest event (20,000 rows for a month of 2026)."""
    longest = _keep(request, "agenda-longest", _longest_span, models=())
    since = local_midnight(first_day) - longest
    return _listed(kind).between(first_day, last_day).filter(start__gte=since)


def _longest_span():
    """The longest span (end - start) of any event, published or not: an event that touches
    a day started at most that long before it."""
    spans = Event.objects.filter(end__isnull=False).aggregate(longest=Max(F("end") - F("start")))
    return max(spans["longest"] or datetime.timedelta(0), datetime.timedelta(0))


def _years_around(kind, year):
    """The nearest earlier and later years that have events (of the kind), or None: the year
    arrows skip the empty years instead of walking through them one by one."""
    events = _listed(kind).order_by()
    start = datetime.date(year, 1, 1)
    before = events.filter(start__lt=local_midnight(start)).aggregate(last=Max("start"))["last"]
    after = events.filter(start__gte=local_midnight(start.replace(year=year + 1))).aggregate(
        first=Min("start")
    )["first"]
    return (
        timezone.localtime(before).year if before else None,
        timezone.localtime(after).year if after else None,
    )


def _query(kind):
    return f"?kind={kind.slug}" if kind else ""


def _last_day(first):
    return shift_month(first, 1) - datetime.timedelta(days=1)


def _calendar(request, year, month, kind):
    """The month's calendar (`events.month.Month`), its table rendered and the order of the
    month's events: the same for every visitor, kept by the views; one query."""
    first = datetime.date(year, month, 1)
    events = _between(request, kind, first, _last_day(first)).order_by("start", "pk")
    spans = list(events.values_list("pk", "start", "end"))
    calendar = build_month(
        year,
        month,
        [(start, end) for _pk, start, end in spans],
        min_year=MIN_YEAR,
        max_year=_max_year(),
        query=_query(kind),
    )
    html = render_to_string("events/_calendar.html", {"month": calendar, "query": _query(kind)})
    return calendar, html, array("q", [pk for pk, _start, _end in spans])


def _page(request, order):
    """The `?page=` page of a kept `lists.order()`, its items as list rows (20 read by
    primary key); a page that is not a number or out of range is a 404."""
    try:
        page = Paginator(order, PER_PAGE).page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
    page.object_list = lists.page_rows(page.object_list)
    return page


# Where the kinds nav's links put the list's own address (no reverse() in a kept value).
_BASE = "__agenda_list_address__"


def _kinds_nav(request, kinds, kind, base):
    """The kinds filter (`_kinds.html`) linking `base`, the list's address: rendered once per
    content generation, language and chosen kind, the address put in on each request."""
    html = _keep(
        request,
        "agenda-kinds-nav",
        lambda: render_to_string(
            "events/_kinds.html", {"kinds": kinds, "kind": kind, "base": _BASE}
        ),
        _slug(kind),
        models=(),
    )
    return mark_safe(html.replace(_BASE, base))  # noqa: S308 (base: a reverse()d path)


def _context(request, kind, kinds, page, base, **extra):
    return {
        "kind": kind,
        "kinds": kinds,
        "kinds_nav": _kinds_nav(request, kinds, kind, base),
        "query": _query(kind),
        "page_obj": page,
        "events": page.object_list,
        **extra,
    }


def index(request):
    """Upcoming events first (today's included), the current month, a link to the archive."""
    kinds, kind = _kind_filter(request)
    today = timezone.localdate()
    order, (calendar, calendar_html, _month_order) = _keep(
        request,
        "agenda-index",
        lambda: (
            lists.order(_listed(kind).upcoming(today)),
            _calendar(request, today.year, today.month, kind),
        ),
        _slug(kind),
    )
    return render(
        request,
        "events/index.html",
        _context(
            request,
            kind,
            kinds,
            _page(request, order),
            reverse("events:index"),
            month=calendar,
            calendar=calendar_html,
        ),
    )


def _archive_index(kind):
    """The order of the past events and the years nav: every year that has events (those
    still to come too), linked to its page."""
    order, past_years = lists.order_and_years(_listed(kind).past())
    today = timezone.localdate()
    later = _listed(kind).upcoming(today).datetimes("start", "year")  # a few hundred rows
    years = sorted({*past_years, *(moment.year for moment in later)}, reverse=True)
    prefix, query = reverse("events:index"), _query(kind)
    html = render_to_string(
        "events/_years.html", {"years": [(year, f"{prefix}{year}/{query}") for year in years]}
    )
    return order, html


def archive(request):
    """Past events, the most recent first, and the years that have events."""
    kinds, kind = _kind_filter(request)
    order, years_html = _keep(request, "agenda-archive", lambda: _archive_index(kind), _slug(kind))
    return render(
        request,
        "events/archive.html",
        _context(
            request,
            kind,
            kinds,
            _page(request, order),
            reverse("events:archive"),
            years=years_html,
        ),
    )


def _year_index(request, year, kind):
    """The order of a year's events, its months with events (linked) and the nearest
    years that have events."""
    first = datetime.date(year, 1, 1)
    events = _between(request, kind, first, datetime.date(year, 12, 31)).order_by("start", "pk")
    start, stop = local_midnight(first), local_midnight(first.replace(year=year + 1))
    months = (
        _listed(kind)
        .filter(start__gte=start, start__lt=stop)
        .order_by()
        .datetimes("start", "month")
    )
    prefix, query = reverse("events:index"), _query(kind)
    links = [(moment, f"{prefix}{year}/{moment.month}/{query}") for moment in months]
    return lists.order(events), links, _years_around(kind, year)


def year(request, year):
    first = _day_or_404(year)
    kinds, kind = _kind_filter(request)
    order, months, (previous_year, next_year) = _keep(
        request, "agenda-year", lambda: _year_index(request, year, kind), year, _slug(kind)
    )
    return render(
        request,
        "events/year.html",
        _context(
            request,
            kind,
            kinds,
            _page(request, order),
            reverse("events:year", args=[year]),
            year=first,
            months=months,
            previous_year=previous_year,
            next_year=next_year,
        ),
    )


def month(request, year, month):
    """The month calendar (days with events linked) and the month's events."""
    _day_or_404(year, month)
    kinds, kind = _kind_filter(request)
    calendar, calendar_html, order = _keep(
        request,
        "agenda-month",
        lambda: _calendar(request, year, month, kind),
        year,
        month,
        _slug(kind),
    )
    return render(
        request,
        "events/month.html",
        _context(
            request,
            kind,
            kinds,
            _page(request, order),
            reverse("events:month", args=[year, month]),
            month=calendar,
            calendar=calendar_html,
        ),
    )


def day(request, year, month, day):
    """A day's events: a few, their rows read in one query (nothing kept per day)."""
    date = _day_or_404(year, month, day)
    kinds, kind = _kind_filter(request)
    events = _between(request, kind, date, date).order_by("start", "pk")
    try:
        page = Paginator(list(events.values_list(*lists.LIST_FIELDS)), PER_PAGE).page(
            request.GET.get("page", 1)
        )
    except InvalidPage as error:
        raise Http404(str(error)) from error
    return render(
        request,
        "events/day.html",
        _context(
            request,
            kind,
            kinds,
            page,
            reverse("events:day", args=[year, month, day]),
            day=date,
        ),
    )


def _extensions():
    """The rows that extend an event (multi-table inheritance: a commission's meeting is an
    Event), found without naming their apps: read in the event's own query (a LEFT JOIN
    that `published()` makes already), so the page's slots find them without a query."""
    return [
        relation.get_accessor_name()
        for relation in Event._meta.related_objects
        if relation.one_to_one and relation.field.remote_field.parent_link
    ]


def _public_ids():
    """The ids of every public event, sorted, as an array (20,000 ids: 160 KB): built with
    the visibility rule (its commissions' subquery) once per content generation, language
    and day, so a visitor's event is found by its day and slug alone, then checked here."""
    return array("q", Event.objects.published().order_by("pk").values_list("pk", flat=True))


def _is_public(ids, pk):
    at = bisect_left(ids, pk)
    return at < len(ids) and ids[at] == pk


def _event_or_404(request, year, month, day, slug, kept_rule=False):
    date = _day_or_404(year, month, day)
    if kept_rule and not request.user.is_authenticated:
        # The event's page: the day and the slug find one row (unique together); the public
        # rule is the kept array of public ids, not a subquery built and planned on every
        # request (a sign-up's POST, which changes what is kept, asks the database).
        # A plain QuerySet naming the language's slug column: modeltranslation's rewriting
        # of the lookups was a good part of building the statement.
        event = get_object_or_404(
            QuerySet(Event).select_related("kind", *_extensions()),
            start__gte=local_midnight(date),
            start__lt=local_midnight(date + datetime.timedelta(days=1)),
            **{f"slug_{translation.get_language()}": slug},
        )
        public = _keep(request, "event-public-ids", _public_ids, models=fragments.ALL_CONTENT)
        if not _is_public(public, event.pk):
            raise Http404
        return event
    events = Event.objects.visible_to(request.user).select_related("kind", *_extensions())
    if can_preview(request.user, Event):
        # Staff see drafts: the flag tells the preview banner whether the public can see it
        # (for everyone else the event was found among the published ones, so it is public).
        events = events.with_public_flag()
    # The day and the slug are unique together in the database (Event's constraints).
    return get_object_or_404(
        events,
        start__gte=local_midnight(date),
        start__lt=local_midnight(date + datetime.timedelta(days=1)),
        slug=slug,
    )


def _neighbours(request, event):
    """The published events just before and just after this one: the same for every
    visitor, kept until content changes or a scheduled item goes live (a meeting is public
    only while its commission and plan are); staff get theirs every time."""
    if request.user.is_authenticated:
        return _load_neighbours(event)
    return fragments.kept(
        "event-neighbours",
        lambda: _load_neighbours(event),
        event.pk,
        models=fragments.ALL_CONTENT,
    )


def _load_neighbours(event):
    published = Event.objects.published().only(*LINK_FIELDS)
    same_start = Q(start=event.start)
    # The bound on start alone is what the index can use (with only the OR, PostgreSQL read
    # the whole start index: 20,000 rows); the OR then orders events that start together.
    before = published.filter(start__lte=event.start).filter(
        Q(start__lt=event.start) | same_start & Q(pk__lt=event.pk)
    )
    after = published.filter(start__gte=event.start).filter(
        Q(start__gt=event.start) | same_start & Q(pk__gt=event.pk)
    )
    return before.order_by("-start", "-pk").first(), after.order_by("start", "pk").first()


def _attachments(request, event):
    """The event's files. Most events have none: which events have some is kept until
    content changes, so their pages ask nothing more."""
    if not request.user.is_authenticated:
        with_files = fragments.kept(
            "events-with-attachments",
            lambda: frozenset(Attachment.objects.order_by().values_list("event_id", flat=True)),
        )
        if event.pk not in with_files:
            return []
    # The model's ordering starts with the event's: a join, for one event's files.
    return list(event.attachments.order_by("order", "pk"))


def _json_ld(request, event):
    """The event's schema.org data: a pure function of its row and the language, kept for
    visitors under its id and last change (staff get it rendered by the template)."""
    if request.user.is_authenticated:
        return None
    return fragments.kept("event-json-ld", lambda: event_json_ld(event), event.pk, event.updated_at)


def _render_detail(request, event, form=None, status=200):
    previous, following = _neighbours(request, event)
    registration = None
    if event.registration_enabled:
        left = services.seats_left(event)
        registration = {
            "open": event.registration_is_open(),
            "seats_left": left,
            "full": left == 0,
            "form": form or RegistrationForm(),
        }
    return render(
        request,
        "events/detail.html",
        {
            "json_ld": _json_ld(request, event),
            "event": event,
            "object": event,
            "attachments": _attachments(request, event),
            "previous": previous,
            "next": following,
            "registration": registration,
        },
        status=status,
    )


def detail(request, year, month, day, slug):
    return _render_detail(request, _event_or_404(request, year, month, day, slug, kept_rule=True))


@ratelimit(key="ip", rate="20/h", method="POST", block=True)
@ratelimit(key="post:email", rate="5/h", method="POST", block=True)
def register(request, year, month, day, slug):
    """Sign up from the event's page; errors show the page again with the form.

    The address only takes POST; a GET (a bookmark, a reload) goes to the event's page.
    """
    if request.method != "POST":
        return redirect(_event_or_404(request, year, month, day, slug).get_absolute_url())
    event = _event_or_404(request, year, month, day, slug)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, event, form, status=400)
    if form.is_spam():
        # Bots get the same answer as people, and nothing is saved.
        return redirect(event.get_absolute_url())
    data = form.cleaned_data
    try:
        registration = services.register(
            event,
            name=data["name"],
            email=data["email"],
            organisation=data["organisation"],
            language=translation.get_language(),
        )
    except services.AlreadyRegistered:
        form.add_error(
            "email",
            _("This e-mail address is already registered for this event; check your mailbox."),
        )
        return _render_detail(request, event, form, status=400)
    except services.RegistrationClosed:
        messages.error(request, _("Registration for this event is closed."))
        return redirect(event.get_absolute_url())
    hours = settings.EVENT_REGISTRATION_HOLD_HOURS
    if registration.status == RegistrationStatus.WAITING:
        text = ngettext(
            "The event is full. To join the waiting list, open the link we have sent to "
            "%(email)s within %(hours)d hour.",
            "The event is full. To join the waiting list, open the link we have sent to "
            "%(email)s within %(hours)d hours.",
            hours,
        )
    else:
        text = ngettext(
            "A seat is held for you. To keep it, open the link we have sent to %(email)s "
            "within %(hours)d hour.",
            "A seat is held for you. To keep it, open the link we have sent to %(email)s "
            "within %(hours)d hours.",
            hours,
        )
    messages.success(request, text % {"email": registration.email, "hours": hours})
    return redirect(event.get_absolute_url() + "#registration")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link in the first mail: a button (GET is only a question) that confirms."""
    registration = Registration.from_confirm_token(token)
    if registration is None:
        return render(request, "events/confirm.html", {"registration": None}, status=404)
    if request.method == "POST":
        registration = services.confirm_address(registration)
        if registration is None:
            return render(request, "events/confirm.html", {"registration": None}, status=404)
        return render(
            request,
            "events/confirm.html",
            {"confirmed": True, "registration": registration, "event": registration.event},
        )
    return render(
        request,
        "events/confirm.html",
        {"registration": registration, "event": registration.event},
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """The link in the mails: a button (GET is only a question) that cancels."""
    registration = Registration.from_cancel_token(token)
    if registration is None:
        return render(request, "events/cancel.html", {"registration": None}, status=404)
    if request.method == "POST":
        event = registration.event
        services.cancel(registration)  # promotes and mails whoever was waiting
        return render(request, "events/cancel.html", {"cancelled": True, "event": event})
    return render(
        request, "events/cancel.html", {"registration": registration, "event": registration.event}
    )


def _calendar_response(content, filename, *, download):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_ics(request, year, month, day, slug):
    """One event's .ics: "add to calendar"."""
    event = _event_or_404(request, year, month, day, slug)
    content = ical.calendar_bytes([event], event.title)
    return _calendar_response(content, f"{event.slug}.ics", download=True)


# Subscribed calendars show the last 30 days and what is ahead, at most FEED_MAX_EVENTS
# (the events ahead, nearest first, before the past ones): a calendar program downloads the
# whole file at every refresh, so it must stay small however many events the Agenda holds
# (a year back was 585 events, 450 KB, on the large data set). Older events stay in the
# archive, each with its own .ics file.
FEED_PAST_DAYS = 30
FEED_MAX_EVENTS = 200
# Building a VEVENT costs about a millisecond; the feed is cached until an event changes.
FEED_CACHE_SECONDS = 60 * 60


def _feed_events(events, since):
    """`events` from `since` on, at most FEED_MAX_EVENTS, by start: those still to come or
    running (the nearest first), then as many of the recent past as there is room for."""
    today = timezone.localdate()
    ahead = list(events.upcoming(today)[:FEED_MAX_EVENTS])
    room = FEED_MAX_EVENTS - len(ahead)
    past = []
    if room > 0:
        past = list(
            events.upcoming(since)
            .filter(start__lt=local_midnight(today))
            .exclude(pk__in=[event.pk for event in ahead])
            .order_by("-start", "-pk")[:room]
        )
    return sorted(past + ahead, key=lambda event: (event.start, event.pk))


def _feed_pks(events, since):
    """The pks of the feed's events (`_feed_events`) and a digest of them."""
    pks = [event.pk for event in _feed_events(events.select_related(None).only("start"), since)]
    return pks, hashlib.sha256(",".join(map(str, pks)).encode()).hexdigest()[:32]


def ical_feed(request, kind=None):
    """The whole Agenda (or one kind) for calendar programs to subscribe to."""
    events = Event.objects.published().select_related("kind").order_by("start", "pk")
    name = _("Torino Internazionale — Agenda")
    filename = "agenda.ics"
    if kind is not None:
        found = get_object_or_404(EventKind, slug=kind)
        events = events.filter(kind=found)
        name = f"{name} — {found.name}"
        filename = f"agenda-{found.slug}.ics"
    since = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
    # Which events the feed holds is kept until content changes or a scheduled item goes
    # live (the same for everyone: published events only), so a request does not apply the
    # public rule; the cached file is found by those events and their last change.
    pks, digest = fragments.kept(
        "events-ical",
        lambda: _feed_pks(events, since),
        kind or "",
        since,
        models=fragments.ALL_CONTENT,
    )
    last = QuerySet(Event).filter(pk__in=pks).aggregate(last=Max("updated_at"))["last"]
    key = "events:ical:{}:{}:{}:{}:{}".format(
        translation.get_language(),
        kind or "",
        since.isoformat(),
        digest,
        last.isoformat() if last else "",
    )
    content = cache.get(key)
    if content is None:
        rows = Event.objects.filter(pk__in=pks).select_related("kind").order_by("start", "pk")
        content = ical.calendar_bytes(rows, name)
        cache.set(key, content, FEED_CACHE_SECONDS)
    return _calendar_response(content, filename, download=False)
