"""One mail queue that never fails a request; every freed seat goes to the people waiting;
the privacy notice's retention periods and the erasure; tokens without addresses."""

import base64
import datetime
import io
import re

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from post_office.models import STATUS, Email

from commissions.models import Contribution
from events import services as events_services
from events.models import Event, Registration, RegistrationStatus
from newsletter import services as newsletter_services
from newsletter.models import Subscriber, email_hash
from newsletter.sending import send_pending
from tests.conftest import _free_port, _Inbox
from tests.factories import make_staff
from tests.factories_commissions import make_commission, make_contribution, make_topic
from tests.factories_events import days_from_now, make_event, make_registration
from tests.factories_newsletter import make_newsletter, make_subscriber
from tests.mailqueue import deliver, waiting
from torino_portal.privacy import apply_retention

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, HELD = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.HELD,
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings):
    cache.clear()
    settings.STAFF_NOTIFICATION_EMAILS = ["redazione@example.org"]
    yield
    cache.clear()


def register_url(event):
    day = event.local_start_date
    return reverse("events:register", args=[day.year, day.month, day.day, event.slug])


def sign_up(client, event, email="anna@example.org", name="Anna Rossi"):
    data = {"name": name, "email": email, "consent": "on", "website": ""}
    return client.post(register_url(event), data, follow=True)


def contribute(client, topic, email="giulia@example.org"):
    data = {
        "name": "Giulia",
        "email": email,
        "text": "Più biblioteche.",
        "consent": "on",
        "website": "",
    }
    return client.post(topic.get_absolute_url(), data, follow=True)


def subscribe(client, email):
    data = {"email": email, "language": "it", "consent": "on", "website": ""}
    return client.post("/it/mailing-list/", data, follow=True)


def _start_smtp(settings):
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return controller, inbox


# --- One queue, after the commit, never failing the request ---------------------------


@pytest.mark.django_db(transaction=True)
def test_with_smtp_down_every_form_answers_and_the_mails_leave_when_it_returns(
    client, settings, tmp_path
):
    event = make_event(
        title_it="Convegno", start=days_from_now(20), registration_enabled=True, seats=5
    )
    topic = make_topic(make_commission(), title_it="Cultura")
    controller, _inbox = _start_smtp(settings)
    controller.stop()  # the SMTP server goes away

    page = sign_up(client, event).content.decode()
    assert page.count("Ti abbiamo riservato un posto.") == 1
    assert "in attesa di moderazione" in contribute(client, topic).content.decode()
    thanks = subscribe(client, "ada@example.org")
    assert thanks.status_code == 200 and thanks.redirect_chain[-1][0].endswith(
        "/controlla-la-posta/"
    )
    assert Registration.objects.count() == Contribution.objects.count() == 1
    assert Subscriber.objects.get().status == "pending"
    assert sorted(e.to[0] for e in waiting()) == [
        "ada@example.org",
        "anna@example.org",
        "redazione@example.org",
    ]

    # The worker (as cron runs it) meets the dead server: nothing lost, tried again later.
    lock = str(tmp_path / "post_office")
    call_command("send_queued_mail", lockfile=lock)
    assert set(Email.objects.values_list("status", "number_of_retries")) == {(STATUS.requeued, 1)}
    assert Email.objects.filter(logs__status=STATUS.failed).count() == 3  # in the admin

    controller, inbox = _start_smtp(settings)  # the server is back
    try:
        # RETRY_INTERVAL later (moved, not waited for):
        Email.objects.update(scheduled_time=timezone.now() - datetime.timedelta(seconds=1))
        call_command("send_queued_mail", lockfile=lock)
    finally:
        controller.stop()
    assert sorted(m.envelope_to[0] for m in inbox.messages) == [
        "ada@example.org",
        "anna@example.org",
        "redazione@example.org",
    ]
    assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}
    for message in inbox.messages:
        assert message["Message-ID"].endswith("@127.0.0.1>")


def test_nothing_is_queued_when_the_transaction_rolls_back(event_with_seats):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        events_services.register(event_with_seats, name="A", email="a@example.org")
        raise RuntimeError
    assert not Registration.objects.exists() and not Email.objects.exists()


@pytest.fixture
def event_with_seats():
    return make_event(
        title_it="Convegno",
        title_en="Conference",
        start=days_from_now(20),
        registration_enabled=True,
        seats=2,
    )


def test_at_once_mode_hands_the_mail_over_after_the_commit(
    client, settings, event_with_seats, django_capture_on_commit_callbacks
):
    """`make run` (DEBUG) shows mails on the console with no worker: MAIL_SEND_AT_ONCE."""
    settings.MAIL_SEND_AT_ONCE = True
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        sign_up(client, event_with_seats)
        assert not mail.outbox  # not before the commit
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.subject == "Conferma la tua iscrizione: Convegno"
    assert Email.objects.get().status == STATUS.sent


def test_at_once_mode_leaves_a_failed_mail_to_the_worker(
    client, settings, event_with_seats, django_capture_on_commit_callbacks
):
    settings.MAIL_SEND_AT_ONCE = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()  # nobody listens
    with django_capture_on_commit_callbacks(execute=True):
        page = sign_up(client, event_with_seats)
    assert page.status_code == 200 and "Ti abbiamo riservato un posto." in page.content.decode()
    email = Email.objects.get()
    assert (email.status, email.number_of_retries) == (STATUS.requeued, 1)


def test_staff_see_what_waits_and_what_failed(admin_client, event_with_seats):
    events_services.register(event_with_seats, name="A", email="a@example.org")
    listing = admin_client.get("/admin/post_office/email/").content.decode()
    assert "a@example.org" in listing


def test_the_newsletter_test_mail_is_queued(client, settings):
    staff = make_staff()
    client.force_login(staff)
    newsletter = make_newsletter(body_en="")  # no English: one test, in Italian
    page = client.post(f"/admin/newsletter/newsletter/{newsletter.pk}/test/", follow=True)
    assert "1 prova in coda" in page.content.decode()
    deliver()
    (message,) = mail.outbox
    assert message.to == [staff.email] and message.subject == f"[TEST] {newsletter.subject_it}"


# --- Small ones ----------------------------------------------------------------------------


def test_the_preview_shows_what_english_subscribers_get(admin_client, smtp_server):
    newsletter = make_newsletter(body_en="")
    make_subscriber("en@example.org", language="en")
    preview = admin_client.get(f"/admin/newsletter/newsletter/{newsletter.pk}/preview/en/")
    it_preview = admin_client.get(f"/admin/newsletter/newsletter/{newsletter.pk}/preview/it/")
    assert preview.content == it_preview.content
    assert b'<html lang="it">' in preview.content
    from newsletter.sending import queue_newsletter

    queue_newsletter(newsletter)
    send_pending()
    (message,) = smtp_server.messages
    assert "Content-Language" not in message  # the language is the HTML's own lang="it"
    html = message.get_body(("html",)).get_content()
    assert '<html lang="it">' in html


def test_newsletters_carry_a_message_id_in_the_site_domain(settings, smtp_server):
    settings.SITE_URL = "https://www.torinointernazionale.org"
    make_subscriber("a@example.org")
    from newsletter.sending import queue_newsletter

    queue_newsletter(make_newsletter())
    send_pending()
    (message,) = smtp_server.messages
    assert message["Message-ID"].endswith("@www.torinointernazionale.org>")


# --- Every freed seat goes to the people waiting ------------------------------------------


def _admin_post_data(client, url):
    """The change form's current values, as the browser would send them back."""
    response = client.get(url)
    data = {}
    for form in [response.context["adminform"].form] + [
        f for inline in response.context["inline_admin_formsets"] for f in inline.formset.forms
    ]:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if isinstance(value, datetime.datetime):
                value = timezone.localtime(value)
                data[f"{key}_0"], data[f"{key}_1"] = value.date(), value.strftime("%H:%M:%S")
            elif isinstance(value, list | tuple):
                data[key] = value
            elif not hasattr(value, "name"):
                data[key] = "on" if value is True else str(value)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return data


def test_admin_delete_of_one_registration_promotes_the_first_waiting(
    admin_client, event_with_seats
):
    seated = [make_registration(event_with_seats) for _ in range(2)]
    first = make_registration(event_with_seats, status=WAITING, email="first@example.org")
    second = make_registration(event_with_seats, status=WAITING)
    url = reverse("admin:events_registration_delete", args=[seated[0].pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert Registration.objects.get(pk=first.pk).status == CONFIRMED
    assert Registration.objects.get(pk=second.pk).status == WAITING
    deliver()
    (message,) = mail.outbox
    assert message.to == ["first@example.org"] and "Si è liberato un posto" in message.subject


def test_admin_delete_of_many_promotes_as_many(admin_client, event_with_seats):
    seated = [make_registration(event_with_seats) for _ in range(2)]
    waiting_people = [make_registration(event_with_seats, status=WAITING) for _ in range(3)]
    admin_client.post(
        reverse("admin:events_registration_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [r.pk for r in seated],
            "post": "yes",
        },
    )
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting_people]
    assert statuses == [CONFIRMED, CONFIRMED, WAITING]


def test_more_seats_in_the_admin_go_to_the_people_waiting(admin_client, event_with_seats):
    [make_registration(event_with_seats) for _ in range(2)]
    waiting_people = [make_registration(event_with_seats, status=WAITING) for _ in range(3)]
    url = reverse("admin:events_event_change", args=[event_with_seats.pk])
    data = _admin_post_data(admin_client, url)
    data["seats"] = "4"
    response = admin_client.post(url, data, follow=True)
    assert response.status_code == 200
    assert Event.objects.get(pk=event_with_seats.pk).seats == 4
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting_people]
    assert statuses == [CONFIRMED, CONFIRMED, WAITING]
    assert "2 persone sono passate dalla lista d" in response.content.decode()


def test_a_held_seat_promoted_still_needs_its_address(event_with_seats):
    [make_registration(event_with_seats) for _ in range(2)]
    unconfirmed = events_services.register(event_with_seats, name="W", email="w@example.org")
    assert unconfirmed.status == WAITING and unconfirmed.is_held
    events_services.cancel(Registration.objects.filter(status=CONFIRMED).first())
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == HELD  # a seat, still to be confirmed in time
    deliver()
    promoted = [m for m in mail.outbox if m.to == ["w@example.org"]][-1]
    assert "Conferma il tuo indirizzo per tenerlo" in promoted.body
    assert unconfirmed.confirm_url() in promoted.body


# --- Privacy as written ------------------------------------------------------------------


def test_retention_applies_the_notice(settings):
    now = timezone.now()
    old_event = make_event(start=now - datetime.timedelta(days=400))
    recent_event = make_event(start=now - datetime.timedelta(days=200))
    make_registration(old_event)
    kept = make_registration(recent_event)
    stale = make_subscriber("stale@example.org", status="pending")
    Subscriber.objects.filter(pk=stale.pk).update(consent_at=now - datetime.timedelta(days=31))
    fresh = make_subscriber("fresh@example.org", status="pending")
    left = make_subscriber("left@example.org", status="unsubscribed")
    Subscriber.objects.filter(pk=left.pk).update(unsubscribed_at=now - datetime.timedelta(days=31))
    just_left = make_subscriber("just@example.org", status="unsubscribed")
    Subscriber.objects.filter(pk=just_left.pk).update(unsubscribed_at=now)
    member = make_subscriber("member@example.org")
    newsletter_services.send_confirmation(fresh)
    deliver()
    Email.objects.update(last_updated=now - datetime.timedelta(days=31))

    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert out.getvalue().splitlines() == [
        "mails: 1",
        "registrations: 1",
        "unconfirmed subscribers: 1",
        "unsubscribed addresses: 1",
    ]
    assert list(Registration.objects.all()) == [kept]
    assert not Subscriber.objects.filter(pk=stale.pk).exists()
    assert Subscriber.objects.get(pk=fresh.pk).email == "fresh@example.org"
    left.refresh_from_db()
    assert left.email == "" and left.email_hash == email_hash("left@example.org")
    assert left.status == "unsubscribed"
    assert Subscriber.objects.get(pk=just_left.pk).email == "just@example.org"
    assert Subscriber.objects.get(pk=member.pk).status == "confirmed"
    assert not Email.objects.exists()
    # A second run finds nothing more to do.
    assert not any(apply_retention().values())


def test_erasure_reaches_every_row_that_holds_the_address(admin_client, event_with_seats):
    subscriber = make_subscriber("gone@example.org")
    other = make_registration(event_with_seats, email="other@example.org")
    gone_registration = make_registration(event_with_seats, email="gone@example.org")
    waiting_person = make_registration(event_with_seats, status=WAITING)
    topic = make_topic(make_commission())
    contribution = make_contribution(topic, email="Gone@Example.org", name="Gianni")
    newsletter_services.send_unsubscribe_link(subscriber)  # a mail still in the queue
    assert len(waiting()) == 1

    question = admin_client.post(
        "/admin/newsletter/subscriber/",
        {"action": "erase", "_selected_action": [subscriber.pk]},
    ).content.decode()
    assert "iscrizioni agli eventi" in question  # says what goes before it goes
    assert Registration.objects.filter(pk=gone_registration.pk).exists()
    admin_client.post(
        "/admin/newsletter/subscriber/",
        {"action": "erase", "_selected_action": [subscriber.pk], "post": "yes"},
    )
    subscriber.refresh_from_db()
    assert subscriber.email == "" and subscriber.status == "erased"
    assert subscriber.email_hash == email_hash("gone@example.org")  # the trail's need
    assert not Registration.objects.filter(email="gone@example.org").exists()
    assert Registration.objects.filter(pk=other.pk).exists()
    # The freed seat went to the person waiting.
    assert Registration.objects.get(pk=waiting_person.pk).status == CONFIRMED
    contribution.refresh_from_db()
    assert contribution.email == "" and contribution.name == "Gianni"
    assert not [e for e in Email.objects.all() if "gone@example.org" in e.to]


def test_view_only_staff_cannot_erase(client, event_with_seats):
    subscriber = make_subscriber("kept@example.org")
    viewer = get_user_model().objects.create_user("viewer", "v@example.org", "pw", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_subscriber"))
    client.force_login(viewer)
    client.post(
        "/admin/newsletter/subscriber/",
        {"action": "erase", "_selected_action": [subscriber.pk], "post": "yes"},
    )
    assert Subscriber.objects.get(pk=subscriber.pk).email == "kept@example.org"


def test_no_token_carries_a_readable_address(event_with_seats):
    address = "anna.rossi@example.org"
    registration = events_services.register(event_with_seats, name="A", email=address)
    subscriber = make_subscriber(address)
    tokens = [
        registration.cancel_token(),
        registration.confirm_token(),
        newsletter_services.confirm_token(subscriber),
        newsletter_services.unsubscribe_token(subscriber),
    ]
    for token in tokens:
        readable = [token]
        for piece in re.split(r"[:.\-]", token):
            padded = piece + "=" * (-len(piece) % 4)
            for decode in (base64.urlsafe_b64decode, base64.b64decode):
                try:
                    readable.append(decode(padded).decode("latin-1"))
                except ValueError:
                    pass
        assert not any("anna" in text.lower() for text in readable), token


def test_the_privacy_notice_says_what_the_code_does():
    """The notice's words and the periods and fields in the code, side by side."""
    from django.conf import settings as django_settings

    from events.privacy import KEEP_AFTER_EVENT
    from newsletter.forms import SubscribeForm
    from newsletter.privacy import UNCONFIRMED_DAYS, UNSUBSCRIBED_DAYS
    from torino_portal.mail import KEEP_MAIL_DAYS

    notice = (django_settings.BASE_DIR / "content/site/privacy/en.html").read_text()
    assert "name (optional)" not in notice  # the mailing list asks for no name
    assert "e-mail address, preferred language and the topics chosen" in notice
    assert set(SubscribeForm.base_fields) == {
        "email",
        "language",
        "interests",
        "consent",
        "website",  # the honeypot, empty for people
    }
    assert f"Unconfirmed subscription requests are deleted after {UNCONFIRMED_DAYS} days" in (
        notice
    )
    assert f"{UNSUBSCRIBED_DAYS} days after you unsubscribe only a one-way hash" in notice
    assert KEEP_AFTER_EVENT.days == 365
    assert "Event registrations: 12 months from the date of the event" in notice
    hours = django_settings.EVENT_REGISTRATION_HOLD_HOURS
    assert f"not confirmed with the link sent by e-mail is deleted after {hours} hours" in notice
    assert f"notices): {KEEP_MAIL_DAYS} days from sending" in notice
    italian = (django_settings.BASE_DIR / "content/site/privacy/it.html").read_text()
    assert "nome (facoltativo)" not in italian
    for figure in ("30 giorni", "12 mesi", "24 ore"):
        assert figure in italian
