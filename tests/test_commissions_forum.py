"""The online forum: pre-moderated plain-text contributions, abuse guards, staff notices."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import translation

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
