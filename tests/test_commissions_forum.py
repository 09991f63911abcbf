"""The online forum: pre-moderated plain-text contributions, abuse guards, staff notices."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from commissions import services
from commissions.models import Contribution, ContributionStatus
from tests.factories import make_staff
from tests.factories_commissions import make_commission, make_contribution, make_topic
from tests.mailqueue import deliver, waiting
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings):
    """The rate limit counts in the cache, which outlives a test: start each one at zero."""
    cache.clear()
    settings.STAFF_NOTIFICATION_EMAILS = ["redazione@example.org"]
    yield
    cache.clear()


@pytest.fixture
def topic():
    commission = make_commission(name_it="Potenziale Culturale", name_en="Cultural Potential")
    return make_topic(commission, title_it="Cultura e periferie", title_en="Culture and suburbs")


def post(client, topic, language="it", **fields):
    data = {
        "name": "Giulia",
        "email": "giulia@example.org",
        "text": "Più biblioteche nei quartieri.",
        "consent": "on",
        "website": "",
        **fields,
    }
    with translation.override(language):
        url = topic.get_absolute_url()
    return client.post(url, data, follow=True)


def test_a_contribution_waits_for_moderation(client, topic):
    response = post(client, topic)
    html = response.content.decode()
    assert response.status_code == 200
    assert "in attesa di moderazione" in html
    contribution = Contribution.objects.get()
    assert contribution.status == ContributionStatus.PENDING and contribution.language == "it"
    assert contribution.consent_at is not None
    assert "Più biblioteche nei quartieri." not in html
    assert "Più biblioteche" not in client.get(topic.get_absolute_url()).content.decode()
    # The editors are told, with a link to the contribution in the admin, by the mail worker.
    assert not mail.outbox
    deliver()
    (message,) = mail.outbox
    assert message.to == ["redazione@example.org"]
    assert "Cultura e periferie" in message.subject
    assert f"/admin/commissions/contribution/{contribution.pk}/change/" in message.body


def test_an_approved_contribution_is_shown_without_the_email(client, topic):
    post(client, topic)
    services.moderate(Contribution.objects.all(), ContributionStatus.APPROVED, make_staff())
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Più biblioteche nei quartieri." in html and "Giulia" in html
    assert "giulia@example.org" not in html
    assert 'lang="it"' in html


def test_contributions_keep_their_language(client, topic):
    post(client, topic, language="en", text="More libraries in the suburbs.")
    contribution = Contribution.objects.get()
    assert contribution.language == "en"
    contribution.status = ContributionStatus.APPROVED
    contribution.save()
    with translation.override("it"):
        italian = client.get(topic.get_absolute_url()).content.decode()
    # Only the post's text is in its language; its author and date are in the page's.
    assert f'<li class="contribution" id="contribution-{contribution.pk}">' in italian
    assert '<div class="contribution__text" lang="en">' in italian
    with translation.override("en"):
        english = client.get(topic.get_absolute_url()).content.decode()
    assert '<div class="contribution__text">' in english


def test_plain_text_is_escaped_with_line_breaks_and_ugc_links(client, topic):
    make_contribution(
        topic,
        text='<script>alert("x")</script>\nSecond line\nSee https://example.org/page "quoted"',
    )
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>Second line<br>" in html
    assert (
        '<a href="https://example.org/page" rel="nofollow ugc">https://example.org/page</a>' in html
    )


def test_pending_and_rejected_contributions_stay_hidden(client, topic):
    make_contribution(topic, text="In attesa", status=ContributionStatus.PENDING)
    make_contribution(topic, text="Rifiutato", status=ContributionStatus.REJECTED)
    make_contribution(topic, text="Approvato", status=ContributionStatus.APPROVED)
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Approvato" in html and "In attesa" not in html and "Rifiutato" not in html
    assert "1 contributo" in html


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"text": ""}, "Questo campo è obbligatorio"),
        ({"text": "   "}, "Questo campo è obbligatorio"),
        ({"text": "x" * (Contribution.MAX_LENGTH + 1)}, "non contenga più di 4000 caratteri"),
        ({"consent": ""}, "occorre accettare l&#x27;informativa"),
        ({"email": "not-an-address"}, "indirizzo email valido"),
        ({"name": ""}, "Questo campo è obbligatorio"),
    ],
)
def test_bad_contributions_are_refused_with_a_clear_message(client, topic, fields, error):
    response = post(client, topic, **fields)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Contribution.objects.exists() and not waiting().exists()


def test_the_honeypot_saves_nothing_but_says_thanks(client, topic):
    response = post(client, topic, website="http://spam.example")
    assert response.status_code == 200 and "in attesa di moderazione" in response.content.decode()
    assert not Contribution.objects.exists() and not waiting().exists()


def test_a_closed_topic_accepts_nothing(client, topic):
    topic.is_open = False
    topic.save()
    assert "Invia il contributo" not in client.get(topic.get_absolute_url()).content.decode()
    response = post(client, topic)
    assert response.status_code == 400
    assert "Questo tema è chiuso" in response.content.decode()
    assert not Contribution.objects.exists()


def test_unknown_draft_or_misplaced_topics_are_404(client, topic):
    url = topic.get_absolute_url()
    assert client.post(url.replace(topic.slug, "nessuno"), {"text": "x"}).status_code == 404
    other = make_commission()
    assert client.get(url.replace(topic.commission.slug, other.slug)).status_code == 404
    draft = make_topic(topic.commission, status=Status.DRAFT)
    assert client.post(draft.get_absolute_url(), {"text": "x"}).status_code == 404
    assert client.get(url + "?page=99").status_code == 404
    assert not Contribution.objects.exists()


def test_the_form_is_protected_by_csrf(topic):

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        topic.get_absolute_url(),
        {"name": "A", "email": "a@example.org", "text": "x", "consent": "on"},
    )
    assert response.status_code == 403 and not Contribution.objects.exists()
    html = strict.get(topic.get_absolute_url()).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'class="honeypot" aria-hidden="true"' in html
    assert 'href="/it/privacy/"' in html


def test_one_address_may_not_flood_the_forum(client, topic, settings):
    settings.FORUM_CONTRIBUTION_RATE = "2/h"
    for n in range(2):
        assert post(client, topic, text=f"Contributo {n}").status_code == 200
    response = post(client, topic, text="Ancora uno")
    assert response.status_code == 429
    assert "Troppi tentativi" in response.content.decode()
    assert Contribution.objects.count() == 2
    # Another address is not affected.
    response = client.post(
        topic.get_absolute_url(),
        {"name": "B", "email": "b@example.org", "text": "ok", "consent": "on"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 302 and Contribution.objects.count() == 3


def test_a_mail_server_failure_does_not_lose_the_contribution(client, topic, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    response = post(client, topic)
    assert response.status_code == 200 and "in attesa di moderazione" in response.content.decode()
    assert Contribution.objects.count() == 1


def test_staff_notice_reaches_a_real_smtp_server(topic, smtp_server):
    contribution = make_contribution(topic, status=ContributionStatus.PENDING, text="Ciao.")
    assert services.notify_staff_of_contribution(contribution)
    deliver()
    (message,) = smtp_server.messages
    assert message.envelope_to == ["redazione@example.org"]
    assert "Ciao." in message.get_content()


def test_admin_approves_and_rejects_in_bulk(admin_client, topic):
    pending = [make_contribution(topic, status=ContributionStatus.PENDING) for _ in range(3)]
    response = admin_client.post(
        "/admin/commissions/contribution/",
        {"action": "approve", "_selected_action": [c.pk for c in pending[:2]]},
        follow=True,
    )
    assert "2 contributi approvati" in response.content.decode()
    admin_user = get_user_model().objects.get(username="admin")
    approved = Contribution.objects.filter(status=ContributionStatus.APPROVED)
    assert set(approved) == set(pending[:2])
    assert all(c.moderated_by == admin_user and c.moderated_at for c in approved)
    admin_client.post(
        "/admin/commissions/contribution/",
        {"action": "reject", "_selected_action": [pending[2].pk]},
    )
    pending[2].refresh_from_db()
    assert pending[2].status == ContributionStatus.REJECTED
    assert admin_client.get("/admin/commissions/contribution/add/").status_code == 403
    html = admin_client.get("/admin/commissions/contribution/?status__exact=approved").content
    assert b"2 contributi al forum" in html


# --- Speed: lists that grow, what is kept (issue 13) -----------------------------------------


def _contributions(topic, n, start=0):
    """`n` approved contributions a minute apart, bulk-created (no signal: callers move the
    content generation when they need the pages to see them)."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    first = datetime(2006, 1, 9, 10, tzinfo=ZoneInfo("Europe/Rome"))
    Contribution.objects.bulk_create(
        Contribution(
            topic=topic,
            name=f"Autore {i:03d}",
            email="a@example.org",
            text=f"Contributo n{i:03d}.",
            language="it",
            status=ContributionStatus.APPROVED,
            created_at=first + timedelta(minutes=i),
        )
        for i in range(start, start + n)
    )


def test_topic_pages_take_one_query_however_many_contributions(client, topic):
    """The topic kept, its page of contributions read by keyset from kept page keys: one
    query on the first, a middle and the last page; building the keys takes as many
    queries for 3 contributions as for 160, and the forum's index one query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from torino_portal import fragments, page_cache

    url = topic.get_absolute_url()
    cold = []
    for total in (3, 160):
        _contributions(topic, total - Contribution.objects.count(), Contribution.objects.count())
        page_cache.content_changed()
        client.get("/it/")  # the layout's kept parts, which are not this page's
        fragments.forget()
        client.get("/it/")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        cold.append(len(queries))
        for page in ("", "?page=2", "?page=4") if total > 3 else ("",):
            with CaptureQueriesContext(connection) as queries:
                html = client.get(url + page).content.decode()
            assert len(queries) == 1, page
        client.get("/it/commissioni/forum/")
        with CaptureQueriesContext(connection) as queries:
            forum = client.get("/it/commissioni/forum/").content.decode()
        assert len(queries) == 1
        assert f"{total} contributi" in forum
    assert cold[0] == cold[1]
    assert "Contributo n150." in html and "Contributo n159." in html
    assert "Contributo n149." not in html
    assert "160 contributi" in html and "Pagina 4 di 4" in html and 'rel="next"' not in html
    second = client.get(url + "?page=2").content.decode()
    assert "Contributo n050." in second and "Contributo n099." in second
    assert second.index("Contributo n050.") < second.index("Contributo n099.")
    assert "Contributo n049." not in second and "Contributo n100." not in second
    for bad in ("?page=5", "?page=0", "?page=x"):
        assert client.get(url + bad).status_code == 404


def test_kept_counts_and_pages_follow_moderation(client, topic):
    """Approving or rejecting (the admin's actions call services.moderate, which updates
    rows without signals) shows at once on the topic and on the forum's index."""
    waiting_ones = [
        make_contribution(topic, text=f"In attesa {i}", status=ContributionStatus.PENDING)
        for i in range(2)
    ]
    make_contribution(topic, text="Già approvato")
    url = topic.get_absolute_url()
    assert "1 contributo" in client.get(url).content.decode()
    assert "(1 contributo)" in client.get("/it/commissioni/forum/").content.decode()
    editor = make_staff()
    services.moderate(
        Contribution.objects.filter(pk__in=[c.pk for c in waiting_ones]),
        ContributionStatus.APPROVED,
        editor,
    )
    html = client.get(url).content.decode()
    assert "3 contributi" in html and "In attesa 0" in html and "In attesa 1" in html
    assert "(3 contributi)" in client.get("/it/commissioni/forum/").content.decode()
    services.moderate(
        Contribution.objects.filter(pk=waiting_ones[0].pk), ContributionStatus.REJECTED, editor
    )
    html = client.get(url).content.decode()
    assert "2 contributi" in html and "In attesa 0" not in html
    # A closed topic and a new one show on the index at once too.
    topic.is_open = False
    topic.save()
    make_topic(topic.commission, title_it="Giovani e lavoro")
    forum = client.get("/it/commissioni/forum/").content.decode()
    assert "(2 contributi · chiuso)" in forum and "Giovani e lavoro" in forum


def test_forum_index_groups_topics_by_commission_in_both_languages(client, topic):
    """The index: a section a commission, in the commissions' order, newest topic first;
    an English page marks the texts that fall back to Italian."""
    from datetime import timedelta

    from django.utils import timezone

    first = topic.commission
    other = make_commission(name_it="Qualità Sociale", name_en="", order=first.order - 1)
    older = make_topic(
        other, title_it="Periferie", title_en="", published_at=timezone.now() - timedelta(days=2)
    )
    newer = make_topic(other, title_it="Scuole", title_en="Schools")
    make_topic(first, title_it="Bozza", status=Status.DRAFT)
    html = client.get("/it/commissioni/forum/").content.decode()
    positions = [html.index(text) for text in ("Qualità Sociale", "Scuole", "Periferie")]
    assert positions == sorted(positions) and positions[-1] < html.index("Potenziale Culturale")
    assert f'<a href="{older.get_absolute_url()}">Periferie</a>' in html
    assert "Bozza" not in html
    assert f'<section aria-labelledby="forum-{other.pk}">' in html
    with translation.override("en"):
        older_url, newer_url = older.get_absolute_url(), newer.get_absolute_url()
        english = client.get("/en/commissions/forum/").content.decode()
    assert f'<a href="{older_url}" lang="it">Periferie</a>' in english
    assert f'<a href="{newer_url}">Schools</a>' in english
    assert f'<a href="{other.get_absolute_url()}" lang="it">Qualità Sociale</a>' not in english
    assert 'lang="it">Qualità Sociale</a>' in english


def test_the_kept_form_gives_each_visitor_a_token_and_keeps_no_errors(topic):
    """The empty form is rendered once; each visitor's page carries a CSRF token of its own,
    and a form sent back with errors is never what the next visitor gets."""
    import re

    tokens = set()
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        html = visitor.get(topic.get_absolute_url()).content.decode()
        (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', html)[:1]
        tokens.add(token)
        response = visitor.post(
            topic.get_absolute_url(),
            {"csrfmiddlewaretoken": token, "name": "A", "email": "a@example.org", "text": ""},
        )
        assert response.status_code == 400 and "Questo campo è obbligatorio" in (
            response.content.decode()
        )
    assert len(tokens) == 2
    html = Client().get(topic.get_absolute_url()).content.decode()
    assert "Questo campo è obbligatorio" not in html and 'value="A"' not in html
    assert 'name="text"' in html and 'href="/it/privacy/"' in html


PLAIN = st.text(alphabet=" .,:;@/wh<>&'\"\n\tabcmoprtx-()[]!?0123456789WHTPS", max_size=80)


@hypothesis_settings(max_examples=300, deadline=None)
@given(text=PLAIN | st.sampled_from(["x.com", "see www.a.it", "a@b.it", "HTTP://A.B", "e.ORG"]))
def test_plain_text_without_links_is_what_urlize_would_write(text):
    """plain_text skips urlize when nothing could be a link: the same output, faster."""
    from django.utils.html import urlize
    from django.utils.text import normalize_newlines

    from commissions.templatetags.commissions_tags import plain_text

    html = urlize(text, trim_url_limit=60, nofollow=True, autoescape=True)
    html = html.replace('rel="nofollow"', 'rel="nofollow ugc"')
    assert plain_text(text) == normalize_newlines(html).replace("\n", "<br>")


def test_contributions_sent_in_one_instant_page_by_their_id(client, topic):
    """An import may give many contributions the same time: the pages follow their ids
    (the keyset's (created_at, id) order), none lost or shown twice."""
    from django.utils import timezone

    from torino_portal import page_cache

    instant = timezone.now()
    Contribution.objects.bulk_create(
        Contribution(
            topic=topic,
            name=f"Autore {i:03d}",
            email="a@example.org",
            text=f"Importato n{i:03d}.",
            language="it",
            status=ContributionStatus.APPROVED,
            created_at=instant,
        )
        for i in range(120)
    )
    page_cache.content_changed()
    shown = []
    for page in (1, 2, 3):
        html = client.get(topic.get_absolute_url(), {"page": page}).content.decode()
        shown += [f"n{i:03d}" for i in range(120) if f"Importato n{i:03d}." in html]
    assert shown == [f"n{i:03d}" for i in range(120)]


def test_kept_topics_follow_content(client, topic, monkeypatch):
    """A visitor's topic page finds the topic among the kept published ones: a withdrawn
    topic or commission is a 404 at once, a new slug works at once, a scheduled topic
    opens when it goes live; staff still preview a draft."""
    from datetime import timedelta

    from django.utils import timezone

    from torino_portal import fragments

    url = topic.get_absolute_url()
    assert client.get(url).status_code == 200
    topic.slug_it = "cultura-nelle-periferie"
    topic.save()
    assert client.get(url).status_code == 404
    assert client.get(topic.get_absolute_url()).status_code == 200
    topic.status = Status.DRAFT
    topic.save()
    assert client.get(topic.get_absolute_url()).status_code == 404
    topic.status = Status.PUBLISHED
    topic.save()
    commission = topic.commission
    commission.status = Status.DRAFT
    commission.save()
    assert client.get(topic.get_absolute_url()).status_code == 404
    commission.status = Status.PUBLISHED
    commission.save()
    soon = timezone.now() + timedelta(hours=1)
    later_topic = make_topic(commission, title_it="Annunciato", published_at=soon)
    assert client.get(later_topic.get_absolute_url()).status_code == 404
    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "Annunciato" in client.get(later_topic.get_absolute_url()).content.decode()
    monkeypatch.undo()
    draft = make_topic(commission, title_it="Bozza", status=Status.DRAFT)
    client.force_login(make_staff())
    assert 'class="preview-banner"' in client.get(draft.get_absolute_url()).content.decode()
