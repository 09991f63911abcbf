"""Property-based attack (Hypothesis): random and hostile values in every public form and every
address parameter. Whatever comes in, the answer is never a 500, and a submission the form
refuses stores nothing (no row, no queued mail).

The number of examples is bounded by the "ci" profile (tests/conftest.py): derandomized, so a
run is repeatable, and small enough for the whole module to take well under a minute.
"""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from hypothesis import example, given
from hypothesis import strategies as st
from post_office.models import Email

from commissions.models import Contribution
from events.models import Registration
from newsletter.models import ConsentRecord, Subscriber

from .factories import make_page, make_plan
from .factories_commissions import make_commission, make_meeting, make_topic
from .factories_events import make_event, make_kind, make_registration
from .factories_newsletter import make_interest, make_newsletter
from .factories_press import make_clipping, make_issue, make_publication, make_series, make_source

pytestmark = pytest.mark.django_db

# What attackers and broken clients send.
HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "x" * 5000,
    "9" * 40,
    "-1",
    "0",
    "1e309",
    "NaN",
    "0x10",
    "١٢٣",  # Arabic-Indic digits: isdigit() says yes, int() agrees, dates may not
    "²",
    "../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "%FF",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR '1'='1' --",
    "1; DROP TABLE events_event; --",
    "\u202egnp.exe",
    "\ufeff\u200b",
    "𝕿𝖔𝖗𝖎𝖓𝖔 🇮🇹",
    "Ω≈ç√∫˜µ≤",
    "\r\nBcc: victim@example.org",
    "a@b@c",
    "@example.org",
    "x" * 250 + "@example.org",
]
# Text that can travel in a URL (no lone surrogates: they cannot be encoded at all).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
HOSTILE_TEXT = st.one_of(st.sampled_from(HOSTILE), TEXT)
NUMBER = st.one_of(
    st.integers(min_value=0, max_value=10**25).map(str),
    st.sampled_from(
        ["1", "2", "12", "31", "2006", "1990", "9999", "10000", "0000", "2147483648", "9" * 19]
    ),
)
VALUE = st.one_of(HOSTILE_TEXT, NUMBER)

# Every stored trace a form could leave.
TRACES = (Registration, Contribution, Subscriber, ConsentRecord, Email)


def _traces():
    return [model.objects.count() for model in TRACES]


@pytest.fixture
def content():
    """One published item of each kind, so that real lists and pages are walked too."""
    plan = make_plan(number=2)
    page = make_page(plan=plan, slug_it="processo", slug_en="process")
    kind = make_kind(slug="convegni")
    event = make_event(kind=kind, registration_enabled=True, seats=3, slug="convegno")
    make_registration(event)  # something a forged cancel or confirm link could move
    commission = make_commission(plan=plan, slug="qualita-sociale")
    meeting = make_meeting(commission=commission)
    topic = make_topic(commission, slug="cultura")
    source = make_source(slug="la-stampa")
    clipping = make_clipping(source=source)
    series = make_series(slug="quaderni")
    publication = make_publication(series=series, slug_it="scenari", slug_en="scenarios")
    issue = make_issue(number=7)
    interest = make_interest()
    newsletter = make_newsletter(status="published")
    return {
        "page": page,
        "event": event,
        "meeting": meeting,
        "topic": topic,
        "clipping": clipping,
        "publication": publication,
        "issue": issue,
        "interest": interest,
        "newsletter": newsletter,
        "words": [
            "processo",
            "convegno",
            "convegni",
            "qualita-sociale",
            "cultura",
            "la-stampa",
            "quaderni",
            "scenari",
            "7",
            "2006",
            str(event.start.year),
            str(clipping.pk),
        ],
    }


@pytest.fixture(autouse=True)
def _no_limits():
    """Each example starts below the rate limits: they are tested elsewhere."""
    cache.clear()
    yield
    cache.clear()


def _get(client, url, data=None):
    with transaction.atomic():  # a database error must not poison the next example
        response = client.get(url, data or {})
    assert response.status_code < 500, (url, data)
    return response


# --- Address parameters ----------------------------------------------------------------

S = "zzslugzz"  # placeholders that reverse() accepts, replaced by the drawn values
N = 7771


def _templates():
    """[(path with {0}, {1}… where parameters go, how many)] in both languages."""
    names = [
        ("events:year", {"year": N}),
        ("events:month", {"year": N, "month": N + 1}),
        ("events:day", {"year": N, "month": N + 1, "day": N + 2}),
        ("events:detail", {"year": N, "month": N + 1, "day": N + 2, "slug": S}),
        ("events:ics", {"year": N, "month": N + 1, "day": N + 2, "slug": S}),
        ("events:register", {"year": N, "month": N + 1, "day": N + 2, "slug": S}),
        ("events:cancel", {"token": S}),
        ("events:confirm", {"token": S}),
        ("events:ical-kind", {"kind": S}),
        ("commissions:detail", {"slug": S}),
        ("commissions:meeting", {"commission": S, "pk": N, "slug": S + "b"}),
        ("commissions:topic", {"commission": S, "slug": S + "b"}),
        ("press:detail", {"pk": N, "slug": S}),
        ("publications:detail", {"slug": S}),
        ("tamtam:detail", {"number": N}),
        ("newsletter:confirm", {"token": S}),
        ("newsletter:unsubscribe", {"token": S}),
        ("newsletter:one-click", {"token": S}),
        ("newsletter:detail", {"pk": N}),
        ("plans:plan", {"number": N}),
        ("plans:directions", {"number": N}),
        ("plans:direction", {"number": N, "direction": N + 1}),
        ("plans:page", {"number": N, "page_path": S}),
    ]
    templates = []
    for language in ("it", "en"):
        with translation.override(language):
            for name, kwargs in names:
                path = reverse(name, kwargs=kwargs)
                holes = 0
                for placeholder in (str(N), str(N + 1), str(N + 2), S + "b", S):
                    if placeholder in path:
                        path = path.replace(placeholder, f"{{{holes}}}")
                        holes += 1
                templates.append((path, holes))
    return templates


@given(data=st.data())
def test_no_address_parameter_gives_a_500(client, content, data):
    path, holes = data.draw(st.sampled_from(_templates()), label="address")
    values = [
        data.draw(st.one_of(VALUE, st.sampled_from(content["words"])), label=f"value {n}")
        for n in range(holes)
    ]
    url = path.format(*(quote(value, safe="") for value in values))
    _get(client, url)


LISTS = {
    "search": ["q", "section", "page"],
    "events:index": ["kind", "page"],
    "events:archive": ["kind", "page"],
    "events:ical": ["kind"],
    "press:index": ["year", "month", "source", "page"],
    "publications:index": ["year", "series", "page"],
    "tamtam:index": ["year", "page"],
    "newsletter:archive": ["page"],
    "commissions:forum": ["page"],
    "home": ["page"],
}


@given(data=st.data())
def test_no_query_parameter_gives_a_500(client, content, data):
    name = data.draw(st.sampled_from(sorted(LISTS)), label="page")
    language = data.draw(st.sampled_from(["it", "en"]), label="language")
    keys = LISTS[name]
    query = data.draw(
        st.dictionaries(
            st.sampled_from(keys), st.one_of(VALUE, st.sampled_from(content["words"])), max_size=4
        ),
        label="query",
    )
    with translation.override(language):
        url = reverse(name)
    _get(client, url, query)


@given(data=st.data())
def test_the_year_and_month_pages_take_any_number(client, content, data):
    year = data.draw(NUMBER, label="year")
    month = data.draw(NUMBER, label="month")
    kind = data.draw(st.sampled_from(["", "convegni", "\x00", "x" * 300]), label="kind")
    _get(client, f"/it/agenda/{year}/{month}/", {"kind": kind} if kind else None)
    _get(client, f"/en/agenda/{year}/", {"kind": kind} if kind else None)


TOKEN_ADDRESSES = [
    "events:cancel",
    "events:confirm",
    "newsletter:confirm",
    "newsletter:unsubscribe",
    "newsletter:one-click",
]


@given(
    name=st.sampled_from(TOKEN_ADDRESSES),
    token=st.one_of(VALUE, st.from_regex(r"\A[A-Za-z0-9_:.-]{1,200}\Z")),
    language=st.sampled_from(["it", "en"]),
)
def test_forged_tokens_change_nothing(client, content, name, token, language):
    """The links in mails act on POST; a made-up token is refused and nothing moves."""
    with translation.override(language):
        url = reverse(name, kwargs={"token": "zztokenzz"}).replace(
            "zztokenzz", quote(token, safe="")
        )
    before = _traces(), list(Registration.objects.values_list("pk", "status"))
    with transaction.atomic():
        response = client.post(url)
    assert response.status_code < 500, url
    assert (_traces(), list(Registration.objects.values_list("pk", "status"))) == before


def test_every_hostile_value_in_every_list_and_token(client, content):
    """The known traps, each one for sure (random search may miss one): every value in every
    query parameter of every list at once, and as every mail link's token."""
    for value in HOSTILE:
        for name, keys in LISTS.items():
            _get(client, reverse(name), dict.fromkeys(keys, value))
        for name in TOKEN_ADDRESSES:
            url = reverse(name, kwargs={"token": "zztokenzz"}).replace(
                "zztokenzz", quote(value, safe="") or "%20"
            )
            with transaction.atomic():
                assert client.post(url).status_code < 500, url


# --- Forms -----------------------------------------------------------------------------

NAME = st.one_of(st.sampled_from(["Giulia Rossi", "Dott.ssa Bianchi"]), HOSTILE_TEXT)
EMAIL = st.one_of(st.sampled_from(["giulia@example.org", "luca.verdi@example.it"]), HOSTILE_TEXT)
TICK = st.sampled_from(["on", "", "off", "\x00", "x" * 300])
HONEYPOT = st.sampled_from(["", "", "", "http://spam.example"])


def _post(client, url, data):
    """POST a form; when the form refused it (no redirect), nothing was stored."""
    before = _traces()
    with transaction.atomic():
        response = client.post(url, data)
    assert response.status_code < 500, (url, data)
    if response.status_code != 302:
        assert _traces() == before, (url, data, response.status_code)
    return response


@given(
    data=st.fixed_dictionaries(
        {
            "name": NAME,
            "email": EMAIL,
            "organisation": st.one_of(st.just(""), HOSTILE_TEXT),
            "consent": TICK,
            "website": HONEYPOT,
        }
    )
)
@example(
    data={
        "name": "Giulia Rossi",
        "email": "giulia@example.org",
        "organisation": "",
        "consent": "on",
        "website": "",
    }
)
def test_registration_form_survives_anything(client, content, data):
    event = content["event"]
    with translation.override("it"):
        url = reverse(
            "events:register",
            kwargs={
                "year": event.start.year,
                "month": event.start.month,
                "day": event.start.day,
                "slug": event.slug,
            },
        )
    _post(client, url, data)


@given(
    data=st.fixed_dictionaries(
        {
            "name": NAME,
            "email": EMAIL,
            "text": st.one_of(st.just("Più biblioteche nei quartieri."), HOSTILE_TEXT),
            "consent": TICK,
            "website": HONEYPOT,
        }
    )
)
@example(
    data={
        "name": "Giulia Rossi",
        "email": "giulia@example.org",
        "text": "Più biblioteche nei quartieri.",
        "consent": "on",
        "website": "",
    }
)
def test_forum_form_survives_anything(client, content, data):
    _post(client, content["topic"].get_absolute_url(), data)


@given(
    data=st.fixed_dictionaries(
        {
            "email": EMAIL,
            "language": st.one_of(st.sampled_from(["it", "en"]), HOSTILE_TEXT),
            "interests": st.lists(st.one_of(NUMBER, HOSTILE_TEXT), max_size=3),
            "consent": TICK,
            "website": HONEYPOT,
        }
    ),
    language=st.sampled_from(["it", "en"]),
)
@example(
    data={
        "email": "giulia@example.org",
        "language": "it",
        "interests": [],
        "consent": "on",
        "website": "",
    },
    language="it",
)
def test_mailing_list_forms_survive_anything(client, content, data, language):
    with translation.override(language):
        subscribe = reverse("newsletter:index")
        unsubscribe = reverse("newsletter:unsubscribe-request")
    _post(client, subscribe, data)
    _post(client, unsubscribe, {"email": data["email"], "website": data["website"]})


@given(q=HOSTILE_TEXT, section=st.one_of(st.just(""), HOSTILE_TEXT), page=VALUE)
def test_search_survives_anything(client, content, q, section, page):
    for language in ("it", "en"):
        with translation.override(language):
            url = reverse("search")
        _get(client, url, {"q": q, "section": section, "page": page})
