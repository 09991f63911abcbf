"""The mailing list: joining (double opt-in), leaving (RFC 8058), consent records, erasure,
the archive and the admin. Mail goes through a real SMTP server on loopback."""

from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from newsletter import services
from newsletter.models import ConsentRecord, Delivery, Interest, Subscriber, email_hash
from newsletter.sending import queue_newsletter, send_pending
from tests.factories import make_staff
from tests.factories_newsletter import (
    links,
    make_interest,
    make_newsletter,
    make_subscriber,
    part,
    path_of,
)
from tests.mailqueue import deliver
from torino_portal import page_cache
from torino_portal.models import SitePage
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """django-ratelimit counts in the (process-wide) cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def subscribe(client, email, language="en", prefix="/en", **extra):
    data = {"email": email, "language": language, "consent": "on", **extra}
    return client.post(f"{prefix}/mailing-list/", data)


def confirmation_link(message):
    return next(url for url in links(part(message, "plain")) if "/confirm/" in url)


# --- Joining -----------------------------------------------------------------------


def test_the_form_is_on_its_page_and_in_every_footer(client):
    for path, words in [
        ("/it/mailing-list/", ["Iscriviti", "informativa sulla privacy"]),
        ("/en/mailing-list/", ["Subscribe", "privacy notice"]),
    ]:
        html = client.get(path).content.decode()
        assert all(word in html for word in words), path
        assert 'name="csrfmiddlewaretoken"' in html and 'class="honeypot"' in html
    home = client.get("/en/").content.decode()
    assert 'class="footer-subscribe"' in home and 'action="/en/mailing-list/"' in home


def test_the_500_page_renders_the_footer_form_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert 'class="footer-subscribe"' in html and 'action="/it/mailing-list/"' in html


def test_subscribing_sends_a_confirmation_and_only_the_button_confirms(client, smtp_server):
    interest = make_interest(name_en="Agenda")
    response = subscribe(client, "Ada@Example.org", interests=[interest.pk])
    assert response.status_code == 302
    assert "Check your inbox" in client.get(response["Location"]).content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ada@example.org" and subscriber.status == "pending"
    assert list(subscriber.interests.all()) == [interest]
    assert subscriber.consent_at and subscriber.consent_version == "unpublished"

    deliver()
    [message] = smtp_server.messages
    assert message.envelope_to == ["ada@example.org"]
    assert message["Subject"].startswith("Confirm your subscription")
    assert "Torino Internazionale" in message["From"]
    assert message["Reply-To"] == "info@torinointernazionale.org"
    url = confirmation_link(message)
    assert url.startswith("http://127.0.0.1:8000/en/mailing-list/confirm/")
    assert url in part(message, "html")

    page = client.get(path_of(url))  # what a mail scanner does: nothing changes
    assert page.status_code == 200 and "Confirm my subscription" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"

    done = client.post(path_of(url)).content.decode()
    assert "your subscription is confirmed" in done
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.confirmed_at
    assert [r.action for r in subscriber.records.all()] == ["requested", "confirmed"]
    # Used again (a double click, an old tab): a clear answer, nothing changes.
    again = client.post(path_of(url))
    assert again.status_code == 200 and "already confirmed" in again.content.decode()


def test_the_consent_records_which_privacy_notice_was_shown(client, smtp_server):
    SitePage.objects.create(
        key="privacy", title_it="Privacy", body_it="<p>Testo.</p>", status=Status.PUBLISHED
    )
    subscribe(client, "bea@example.org")
    subscriber = Subscriber.objects.get()
    record = subscriber.records.get()
    assert subscriber.consent_version == record.privacy_version == services.privacy_version()
    assert subscriber.consent_version != "unpublished"
    assert "agree to receive the mailing list" in record.how and "form/en" in record.how


def test_the_answer_is_the_same_whatever_the_address_state(client, smtp_server):
    make_subscriber("confirmed@example.org")
    make_subscriber("pending@example.org", status="pending")
    answers = {
        address: subscribe(client, address)["Location"]
        for address in ("new@example.org", "pending@example.org", "confirmed@example.org")
    }
    assert len(set(answers.values())) == 1
    # The confirmed subscriber keeps their choices and is told so (the same work, so the
    # same answer time: bench/mailing_list_timing.py); the others get a link to confirm.
    deliver()
    received = {m.envelope_to[0]: m["Subject"].strip() for m in smtp_server.messages}
    confirm = "Confirm your subscription to the Torino Internazionale mailing list"
    assert received == {
        "new@example.org": confirm,
        "pending@example.org": confirm,
        "confirmed@example.org": "Sei già iscritto alla mailing list di Torino Internazionale",
    }
    assert Subscriber.objects.get(email="confirmed@example.org").status == "confirmed"


def test_no_more_than_three_confirmation_mails_a_day(client, smtp_server):
    for _attempt in range(5):
        assert subscribe(client, "flood@example.org").status_code == 302
    deliver()
    assert len(smtp_server.messages) == 3
    # The cap lives in the database: a new process (an empty cache) does not reset it.
    cache.clear()
    subscribe(client, "flood@example.org")
    deliver()
    assert len(smtp_server.messages) == 3
    # The next day the person can ask again.
    Subscriber.objects.update(mails_day=timezone.localdate() - timedelta(days=1))
    subscribe(client, "flood@example.org")
    deliver()
    assert len(smtp_server.messages) == 4


def test_per_address_and_per_ip_rate_limits(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    codes = [subscribe(client, "same@example.org").status_code for _ in range(6)]
    assert codes == [302] * 5 + [429]
    assert "Too many attempts" in subscribe(client, "same@example.org").content.decode()
    cache.clear()
    codes = [subscribe(client, f"p{n}@example.org").status_code for n in range(31)]
    assert codes[:30] == [302] * 30 and codes[30] == 429


@pytest.mark.parametrize(
    "email, prefix, message",
    [
        ("a" * 250 + "@example.org", "/en", "at most 254 characters"),
        ("a" * 5000, "/it", "al massimo 254 caratteri"),
        ("not-an-address", "/en", "Enter a valid email address."),
        ("bad@exa mple.org", "/it", "Inserisci un indirizzo email valido."),
        ("line@example.org\r\nBcc: x@example.org", "/en", "Enter a valid email address."),
        ("", "/en", "This field is required."),
    ],
)
def test_bad_addresses_get_the_form_again_with_a_clear_message(client, email, prefix, message):
    response = subscribe(client, email, prefix=prefix)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Subscriber.objects.exists() and not mail.outbox


def test_consent_is_required_and_junk_choices_are_refused(client):
    response = client.post("/it/mailing-list/", {"email": "x@example.org", "language": "it"})
    assert "Accetta l&#x27;informativa sulla privacy per iscriverti." in response.content.decode()
    for junk in ({"language": "xx"}, {"interests": ["abc"]}, {"interests": ["99999999"]}):
        response = subscribe(client, "x@example.org", **junk)
        assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_honeypot_gets_the_usual_answer_and_nothing_happens(client, smtp_server):
    response = subscribe(client, "robot@example.org", website="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not smtp_server.messages


def test_the_footer_form_posts_to_the_subscribe_view(client, smtp_server):
    response = client.post(
        "/it/mailing-list/",
        {"email": "footer@example.org", "language": "it", "consent": "on", "website": ""},
    )
    assert response.status_code == 302
    deliver()
    assert smtp_server.messages[0]["Subject"].startswith("Conferma")


# --- Tokens --------------------------------------------------------------------------


def test_tampered_and_expired_links_explain_in_the_visitors_language(client, monkeypatch):
    subscriber = make_subscriber(status="pending")
    token = services.confirm_token(subscriber)
    tampered = token[:-2] + ("aa" if not token.endswith("aa") else "bb")
    for path, text in [
        (f"/it/mailing-list/conferma/{tampered}/", "non è valido"),
        (f"/en/mailing-list/confirm/{tampered}/", "This link is not valid"),
        (f"/en/mailing-list/confirm/{'x' * 3000}/", "This link is not valid"),
        (f"/en/mailing-list/confirm/{services.unsubscribe_token(subscriber)}/", "not valid"),
    ]:
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 400 and text in response.content.decode()
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: 1_000_000_000.0)
        old = services.confirm_token(subscriber)
    response = client.post(f"/en/mailing-list/confirm/{old}/")
    assert response.status_code == 400 and "has expired" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_a_confirmation_link_does_not_bring_back_someone_who_left(client):
    subscriber = make_subscriber(status="pending")
    token = services.confirm_token(subscriber)
    services.unsubscribe(services.unsubscribe_token(subscriber), how="test")
    assert client.post(f"/en/mailing-list/confirm/{token}/").status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


# --- Leaving -------------------------------------------------------------------------


def test_the_unsubscribe_page_asks_for_the_button(client):
    subscriber = make_subscriber()
    path = f"/en/mailing-list/unsubscribe/{services.unsubscribe_token(subscriber)}/"
    page = client.get(path)
    assert page.status_code == 200 and ">Unsubscribe</button>" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"
    done = client.post(path).content.decode()
    assert "no longer on the mailing list" in done
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at
    assert client.post(path).status_code == 200  # again: same answer
    assert client.get("/en/mailing-list/unsubscribe/1:forged/").status_code == 400


def test_one_click_unsubscribe_is_a_post_without_csrf(client):
    subscriber = make_subscriber()
    token = services.unsubscribe_token(subscriber)
    mail_program = Client(enforce_csrf_checks=True)
    path = f"/en/mailing-list/one-click/{token}/"
    assert mail_program.get(path).status_code == 302  # a GET changes nothing
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"
    response = mail_program.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    record = subscriber.records.get(action="withdrawn")
    assert "RFC 8058" in record.how
    assert mail_program.post("/en/mailing-list/one-click/1:bad/").status_code == 400


def test_asking_for_an_unsubscribe_link_answers_the_same_for_anyone(client, smtp_server):
    make_subscriber("member@example.org", language="it")
    answers = [
        client.post("/en/mailing-list/unsubscribe/", {"email": address})["Location"]
        for address in ("member@example.org", "stranger@example.org")
    ]
    assert answers[0] == answers[1]
    deliver()
    [message] = smtp_server.messages
    assert message.envelope_to == ["member@example.org"]
    url = next(u for u in links(part(message, "plain")) if "/cancellazione/" in u)
    assert client.post(path_of(url)).status_code == 200
    assert Subscriber.objects.get(email="member@example.org").status == "unsubscribed"
    response = client.post("/it/mailing-list/cancellazione/", {"email": "x" * 400})
    assert response.status_code == 200 and "254" in response.content.decode()


# --- Erasure and re-subscription -----------------------------------------------------


def test_erasure_keeps_only_the_hash_and_the_trail(admin_client, client, smtp_server):
    subscriber = make_subscriber("gone@example.org")
    newsletter = make_newsletter()
    queue_newsletter(newsletter)
    # First a confirmation page (like Django's delete), which changes nothing.
    question = admin_client.post(
        "/admin/newsletter/subscriber/",
        {"action": "erase", "_selected_action": [subscriber.pk]},
    )
    assert question.status_code == 200 and "gone@example.org" in question.content.decode()
    assert "Sì, cancella i loro dati" in question.content.decode()
    assert Subscriber.objects.get(pk=subscriber.pk).email == "gone@example.org"
    response = admin_client.post(
        "/admin/newsletter/subscriber/",
        {"action": "erase", "_selected_action": [subscriber.pk], "post": "yes"},
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.email == "" and subscriber.status == "erased"
    assert subscriber.email_hash == email_hash("gone@example.org")
    assert not subscriber.deliveries.exists()  # the pending one is dropped
    assert subscriber.records.last().action == "erased"
    assert "gone@example.org" not in str(subscriber)
    # Decision: the person may come back through double opt-in (fresh consent).
    subscribe(client, "gone@example.org")
    subscriber.refresh_from_db()
    assert subscriber.status == "pending" and subscriber.email == "gone@example.org"
    deliver()
    assert len(smtp_server.messages) == 1


# --- Newsletters ---------------------------------------------------------------------


def test_each_subscriber_receives_the_newsletter_in_their_language(client, smtp_server):
    italian = make_subscriber("it@example.org", language="it")
    english = make_subscriber("en@example.org", language="en")
    make_subscriber("pending@example.org", status="pending")
    make_subscriber("left@example.org", status="unsubscribed")
    newsletter = make_newsletter(status=Status.PUBLISHED)
    assert queue_newsletter(newsletter) == 2
    assert send_pending(rate=None)["sent"] == 2
    received = {m.envelope_to[0]: m for m in smtp_server.messages}
    assert set(received) == {italian.email, english.email}

    message = received["en@example.org"]
    assert message["Subject"] == newsletter.subject_en
    html, text = part(message, "html"), part(message, "plain")
    assert "Hello from the" in html and "Torino Internazionale" in html
    assert 'href="http://127.0.0.1:8000/en/agenda/"' in html  # absolute links
    assert 'src="http://127.0.0.1:8000/media/editor/foto.png"' in html  # images by URL
    assert "Hello from the agenda <http://127.0.0.1:8000/en/agenda/>" in text
    assert "<p>" not in text
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = str(message["List-Unsubscribe"]).strip()
    assert header.startswith("<http://127.0.0.1:8000/en/mailing-list/one-click/")
    assert message["Reply-To"] == "info@torinointernazionale.org"
    assert received["it@example.org"]["Subject"] == newsletter.subject_it
    assert "Ciao dal" in part(received["it@example.org"], "plain")

    # The link in the body opens the page with the button; the header's address is the
    # one-click POST.
    body_link = next(u for u in links(text) if "/unsubscribe/" in u)
    assert "Unsubscribe</button>" in client.get(path_of(body_link)).content.decode()
    assert client.post(path_of(header.strip("<>"))).status_code == 200
    english.refresh_from_db()
    assert english.status == "unsubscribed"


def test_italian_when_the_english_text_is_empty(smtp_server):
    make_subscriber("en@example.org", language="en")
    newsletter = make_newsletter(subject_en="", body_en="")
    queue_newsletter(newsletter)
    send_pending()
    [message] = smtp_server.messages
    assert message["Subject"] == newsletter.subject_it
    assert "Ciao dal" in part(message, "plain") and 'lang="it"' in part(message, "html")


def test_targeting_by_interest():
    agenda, tamtam = make_interest(), make_interest()
    wants_agenda = make_subscriber()
    wants_agenda.interests.set([agenda])
    wants_tamtam = make_subscriber()
    wants_tamtam.interests.set([tamtam])
    wants_everything = make_subscriber()
    newsletter = make_newsletter()
    newsletter.interests.set([agenda])
    queue_newsletter(newsletter)
    assert set(newsletter.deliveries.values_list("subscriber", flat=True)) == {
        wants_agenda.pk,
        wants_everything.pk,
    }


def test_sending_twice_queues_nothing_twice():
    for _n in range(5):
        make_subscriber()
    newsletter = make_newsletter()
    assert queue_newsletter(newsletter) == 5
    assert queue_newsletter(newsletter) == 0
    late = make_subscriber()
    assert queue_newsletter(newsletter) == 1  # only the one confirmed since
    assert newsletter.deliveries.filter(subscriber=late).count() == 1
    assert Delivery.objects.count() == 6


def test_someone_who_leaves_after_queueing_is_not_sent_it(smtp_server):
    stays, leaves = make_subscriber(), make_subscriber()
    queue_newsletter(make_newsletter())
    services.unsubscribe(services.unsubscribe_token(leaves), how="test")
    stats = send_pending()
    assert stats["sent"] == 1 and stats["skipped"] == 1
    assert [m.envelope_to for m in smtp_server.messages] == [[stays.email]]


def test_a_sender_that_dies_between_messages_resumes_exactly_once(smtp_server):
    people = [make_subscriber() for _ in range(12)]
    queue_newsletter(make_newsletter())
    sent = []

    def crash_after_five(delivery):
        sent.append(delivery.pk)
        if len(sent) == 5:
            raise RuntimeError("the process dies")

    with pytest.raises(RuntimeError):
        send_pending(batch_size=4, after_send=crash_after_five)
    assert len(smtp_server.messages) == 5
    assert Delivery.objects.filter(status="sent").count() == 5
    assert send_pending(batch_size=4)["sent"] == 7
    received = sorted(m.envelope_to[0] for m in smtp_server.messages)
    assert received == sorted(p.email for p in people)  # nobody twice, nobody skipped


def test_a_dropped_smtp_connection_mid_batch_loses_nothing(smtp_server):
    from newsletter.sending import SendingInterrupted

    people = [make_subscriber() for _ in range(8)]
    queue_newsletter(make_newsletter())
    accept = smtp_server.handle_DATA
    seen = []

    async def drop_the_fourth(server, session, envelope):
        seen.append(envelope.rcpt_tos[0])
        if len(seen) == 4:
            return "421 Service shutting down, closing transmission channel"
        return await accept(server, session, envelope)

    smtp_server.handle_DATA = drop_the_fourth
    with pytest.raises(SendingInterrupted):
        send_pending(batch_size=100)
    assert len(smtp_server.messages) == 3
    assert Delivery.objects.filter(status="pending").count() == 5
    call_command("send_newsletters", rate=0)
    received = sorted(m.envelope_to[0] for m in smtp_server.messages)
    assert received == sorted(p.email for p in people)


def test_refused_recipients_fail_or_retry_with_the_smtp_error(smtp_server):
    make_subscriber("ok@example.org")
    make_subscriber("gone@example.org")
    make_subscriber("busy@example.org")
    queue_newsletter(make_newsletter())
    accept = smtp_server.handle_DATA

    async def refuse(server, session, envelope):
        if envelope.rcpt_tos == ["gone@example.org"]:
            return "550 5.1.1 No such mailbox"
        if envelope.rcpt_tos == ["busy@example.org"]:
            return "451 4.3.0 Try again later"
        return await accept(server, session, envelope)

    smtp_server.handle_DATA = refuse
    stats = send_pending()
    assert (stats["sent"], stats["failed"], stats["retry"]) == (1, 1, 1)
    gone = Delivery.objects.get(subscriber__email="gone@example.org")
    assert (
        gone.status == "failed"
        and "550" in gone.last_error
        and "No such mailbox" in (gone.last_error)
    )
    busy = Delivery.objects.get(subscriber__email="busy@example.org")
    assert busy.status == "pending" and busy.attempts == 1 and busy.next_attempt_at
    # Bounded: after the last attempt it is failed for good.
    for _attempt in range(2):
        Delivery.objects.filter(pk=busy.pk).update(next_attempt_at=None)
        send_pending()
    busy.refresh_from_db()
    assert busy.status == "failed" and busy.attempts == 3
    assert len(smtp_server.messages) == 1


def test_the_command_reports_and_respects_its_options(smtp_server, capsys):
    for _n in range(3):
        make_subscriber()
    queue_newsletter(make_newsletter())
    call_command("send_newsletters", rate=0, limit=2, batch_size=1)
    assert "sent 2" in capsys.readouterr().out
    call_command("send_newsletters", rate=1000)
    assert "sent 1" in capsys.readouterr().out
    assert len(smtp_server.messages) == 3


# --- Archive -------------------------------------------------------------------------


def test_the_archive_shows_published_newsletters_per_language(client):
    published = make_newsletter(status=Status.PUBLISHED)
    only_italian = make_newsletter(status=Status.PUBLISHED, subject_en="", body_en="")
    draft = make_newsletter()
    html = client.get("/en/mailing-list/archive/").content.decode()
    assert published.subject_en in html and only_italian.subject_it in html
    assert draft.subject_en not in html
    assert client.get(f"/en/mailing-list/archive/{draft.pk}/").status_code == 404
    detail = client.get(f"/en/mailing-list/archive/{only_italian.pk}/").content.decode()
    assert "available only in Italian" in detail and 'lang="it"' in detail
    italian = client.get(f"/it/mailing-list/archivio/{published.pk}/").content.decode()
    assert published.subject_it in italian
    assert client.get("/en/mailing-list/archive/?page=9").status_code == 404


def test_the_archive_costs_the_same_queries_for_many_newsletters(client, django_assert_num_queries):
    """The number newsletter/README.md states."""
    from newsletter.models import Newsletter

    Newsletter.objects.bulk_create(
        [
            Newsletter(subject_it=f"N {n}", subject_en=f"N {n}", status=Status.PUBLISHED)
            for n in range(500)
        ]
    )
    with django_assert_num_queries(2):
        assert client.get("/en/mailing-list/archive/?page=3").status_code == 200


# --- Admin ---------------------------------------------------------------------------


def test_admin_preview_test_send_and_progress(client, smtp_server, django_assert_num_queries):
    staff = make_staff()
    client.force_login(staff)
    for _n in range(3):
        make_subscriber()
    newsletter = make_newsletter()
    html = client.get(f"/admin/newsletter/newsletter/{newsletter.pk}/preview/en/").content
    assert b"Hello from the" in html and b'src="http://127.0.0.1:8000/media/' in html
    text = client.get(f"/admin/newsletter/newsletter/{newsletter.pk}/preview/it/?format=text")
    assert "Ciao dal calendario" in text.content.decode()

    client.post(f"/admin/newsletter/newsletter/{newsletter.pk}/test/")
    deliver()
    assert sorted(m["Subject"] for m in smtp_server.messages) == [
        f"[TEST] {newsletter.subject_en}",
        f"[TEST] {newsletter.subject_it}",
    ]
    deliver()
    assert all(m.envelope_to == [staff.email] for m in smtp_server.messages)

    confirm = client.get(f"/admin/newsletter/newsletter/{newsletter.pk}/send/").content.decode()
    assert "3" in confirm
    send_url = f"/admin/newsletter/newsletter/{newsletter.pk}/send/"
    first = client.post(send_url, follow=True).content.decode()
    second = client.post(send_url, follow=True).content.decode()  # the double click
    assert "3 invii in coda" in first and "Nulla di nuovo da mettere in coda" in second
    assert newsletter.deliveries.count() == 3
    send_pending()
    change = client.get(f"/admin/newsletter/newsletter/{newsletter.pk}/change/").content
    assert "3 inviati, 0 in attesa, 0 non riusciti" in change.decode()

    for _n in range(200):
        make_subscriber()
    for _n in range(30):
        queue_newsletter(make_newsletter())
    # The numbers newsletter/README.md states, whatever the number of subscribers.
    with django_assert_num_queries(7):
        assert client.get("/admin/newsletter/newsletter/").status_code == 200
    with django_assert_num_queries(6):
        assert client.get("/admin/newsletter/delivery/").status_code == 200
    assert client.get("/admin/newsletter/subscriber/").status_code == 200


def test_csv_export_then_import_reports_every_bad_row(admin_client):
    interest = make_interest(key="agenda")
    make_subscriber("kept@example.org")
    make_subscriber("left@example.org", status="unsubscribed")
    exported = b"".join(admin_client.get("/admin/newsletter/subscriber/export/").streaming_content)
    assert b"email,language,interests,status" in exported and b"kept@example.org" in exported

    from django.core.files.uploadedfile import SimpleUploadedFile

    rows = "\n".join(
        [
            "email,language,interests",
            "new@example.org,en,agenda",
            "NEW@example.org,en,",
            "kept@example.org,it,",
            "left@example.org,it,",
            "not-an-address,it,",
            f"{'a' * 300}@example.org,it,",
            "other@example.org,xx,",
            "third@example.org,it,nope",
            "=cmd@example.org,it,",
            ",it,",
        ]
    )
    upload = SimpleUploadedFile("list.csv", rows.encode(), content_type="text/csv")
    html = admin_client.post("/admin/newsletter/subscriber/import/", {"file": upload})
    html = html.content.decode()
    for reason in [
        "Già presente in questo file",
        "Già nella lista",
        "ha lasciato la lista",
        "Non è un indirizzo e-mail valido",
        "254",
        "Lingua sconosciuta",
        "Interesse sconosciuto",
        "manca",
    ]:
        assert reason in html, reason
    new = Subscriber.objects.get(email="new@example.org")
    assert new.status == "pending" and new.consent_at is None and new.source == "import"
    assert list(new.interests.all()) == [interest]
    assert new.records.get().action == ConsentRecord.Action.IMPORTED
    assert Subscriber.objects.filter(source="import").count() == 2  # new@ and =cmd@
    # Imported twice: nothing new.
    upload = SimpleUploadedFile("list.csv", rows.encode(), content_type="text/csv")
    admin_client.post("/admin/newsletter/subscriber/import/", {"file": upload})
    assert Subscriber.objects.filter(source="import").count() == 2
    exported = b"".join(admin_client.get("/admin/newsletter/subscriber/export/").streaming_content)
    assert b"'=cmd@example.org" in exported  # no formula in a spreadsheet


def test_imported_addresses_consent_by_confirming(admin_client, client, smtp_server):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("l.csv", b"email,language\nimp@example.org,en\n")
    admin_client.post("/admin/newsletter/subscriber/import/", {"file": upload})
    subscriber = Subscriber.objects.get()
    queue_newsletter(make_newsletter())
    assert not Delivery.objects.exists()  # pending: no newsletter
    admin_client.post(
        "/admin/newsletter/subscriber/",
        {"action": "ask_to_confirm", "_selected_action": [subscriber.pk]},
    )
    deliver()
    [message] = smtp_server.messages
    client.post(path_of(confirmation_link(message)))
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.consent_at
    assert [r.action for r in subscriber.records.all()] == ["imported", "requested", "confirmed"]


def test_content_interests_load_twice_without_duplicates():
    from tests.factories_content import load_app

    load_app("newsletter")
    load_app("newsletter")
    assert Interest.objects.count() == 9
    assert "Qualità Sociale" in Interest.objects.values_list("name_it", flat=True)
    assert "Rassegna Stampa" in Interest.objects.values_list("name_it", flat=True)


def test_the_form_page_costs_the_same_queries_for_many_interests(client, django_assert_num_queries):
    """The number newsletter/README.md states."""
    Interest.objects.bulk_create(
        [Interest(key=f"k{n}", name_it=f"Tema {n}", name_en=f"Topic {n}") for n in range(300)]
    )
    with django_assert_num_queries(1):
        html = client.get("/en/mailing-list/").content.decode()
    assert "Topic 299" in html
    # The interests are kept until content changes: then the page runs no query at all.
    with django_assert_num_queries(0):
        client.get("/en/mailing-list/")
    Interest.objects.filter(key="k299").update(name_en="Renamed")
    page_cache.content_changed()  # what an admin POST does
    assert "Renamed" in client.get("/en/mailing-list/").content.decode()
    assert "Tema 299" in client.get("/it/mailing-list/").content.decode()
