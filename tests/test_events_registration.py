"""Registration: seats, waiting list, cancellation, e-mails, CSV, bad input, concurrency."""

import csv
import io
import re
import threading

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connections
from django.urls import reverse
from django.utils import timezone, translation

from events import services
from events.models import Event, Registration, RegistrationStatus
from tests.factories_events import days_from_now, make_event, make_registration
from tests.mailqueue import deliver, waiting

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING
HELD = RegistrationStatus.HELD


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """django-ratelimit counts in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event():
    return make_event(
        title_it="Convegno annuale",
        title_en="Annual conference",
        start=days_from_now(20, 9, 30),
        registration_enabled=True,
        seats=2,
    )


def register_url(event):
    day = event.local_start_date
    return reverse(
        "events:register",
        kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": event.slug},
    )


def form(**fields):
    return {
        "name": "Anna Rossi",
        "email": "anna@example.org",
        "organisation": "Comune di Torino",
        "consent": "on",
        "website": "",
        **fields,
    }


def test_form_shows_seats_left_and_csrf(client, event):
    make_registration(event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert 'id="registration"' in html and "Resta 1 posto." in html
    assert "csrfmiddlewaretoken" in html and 'class="honeypot" aria-hidden="true"' in html
    assert 'href="/it/privacy/"' in html


def test_the_kept_form_carries_each_visitors_token_and_follows_the_seats(client, event):
    """The empty form is rendered once per content generation (events/_registration.html):
    each visitor still gets a CSRF token of their own, and a full event its own button."""
    tokens = set()
    for _ in range(2):
        visitor = client.__class__()
        response = visitor.get(event.get_absolute_url())
        html = response.content.decode()
        assert "__csrf_token_placeholder__" not in html and "csrftoken" in response.cookies
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', html).group(1))
        assert '<button type="submit">Iscriviti</button>' in html
    assert len(tokens) == 2
    make_registration(event)
    make_registration(event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<button type="submit">Entra in lista d\'attesa</button>' in html
    # A form sent back with errors is the visitor's own, with their words and the errors.
    response = client.post(register_url(event), form(email="non-un-indirizzo"))
    assert response.status_code == 400 and 'value="Anna Rossi"' in response.content.decode()


def test_registration_holds_a_seat_until_the_address_is_confirmed(client, event, settings):
    settings.SITE_URL = "https://www.torinointernazionale.org"
    site = "https://www.torinointernazionale.org"
    response = client.post(register_url(event), form(email="Anna@Example.org"), follow=True)
    assert (
        "Ti abbiamo riservato un posto. Per tenerlo apri il collegamento che abbiamo inviato a "
        "anna@example.org entro 24 ore." in response.content.decode()
    )
    registration = Registration.objects.get()
    assert (registration.email, registration.status) == ("anna@example.org", HELD)
    assert registration.organisation == "Comune di Torino" and registration.language == "it"
    assert registration.hold_expires_at - registration.created_at == timezone.timedelta(hours=24)
    assert "Resta 1 posto." in client.get(event.get_absolute_url()).content.decode()
    # Queued with the registration, sent by the worker: nothing left during the request.
    assert not mail.outbox and waiting().count() == 1
    deliver()
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject == "Conferma la tua iscrizione: Convegno annuale"
    assert message.extra_headers["Message-ID"].endswith("@www.torinointernazionale.org>")
    # The visitor's own words are not in our mail.
    assert "Anna Rossi" not in message.body and "Comune di Torino" not in message.body
    (link,) = re.findall(re.escape(site) + r"(/it/agenda/iscrizioni/conferma/\S+)", message.body)
    assert "anna" not in link.lower()  # no readable address in the link
    page = client.get(link).content.decode()  # GET only asks (mail scanners follow links)
    assert "Conferma la mia iscrizione" in page and "Convegno annuale" in page
    assert Registration.objects.get().status == HELD
    page = client.post(link).content.decode()
    assert "la tua iscrizione a “Convegno annuale” è confermata" in page
    registration.refresh_from_db()
    assert registration.status == CONFIRMED and registration.hold_expires_at is None
    assert registration.address_confirmed_at is not None
    deliver()
    confirmed = mail.outbox[1]
    assert confirmed.subject == "Iscrizione confermata: Convegno annuale"
    (cancel,) = re.findall(re.escape(site) + r"(/it/agenda/iscrizioni/annulla/\S+)", confirmed.body)
    page = client.get(cancel).content.decode()
    assert "Vuoi annullare l'iscrizione" in page and "Convegno annuale" in page
    # Confirming twice changes nothing and sends nothing.
    assert "è già confermata" in client.get(link).content.decode()
    client.post(link)
    deliver()
    assert len(mail.outbox) == 2


def test_unconfirmed_hold_lapses_and_its_seat_goes_to_the_waiting_list(client, event):
    held = services.register(event, name="Anna", email="anna@example.org")
    services.register(event, name="Bruno", email="bruno@example.org")
    third = services.register(event, name="Carla", email="carla@example.org")
    assert (held.status, third.status) == (HELD, WAITING)
    # Past the deadline the seat counts as free at once, before anything deletes the hold.
    later = timezone.now() + timezone.timedelta(hours=25)
    Registration.objects.exclude(pk=held.pk).update(
        address_confirmed_at=timezone.now(), hold_expires_at=None, status=CONFIRMED
    )
    Registration.objects.filter(pk=third.pk).update(status=WAITING)
    Registration.objects.filter(pk=held.pk).update(hold_expires_at=timezone.now())
    assert services.seats_left(event) == 1
    assert client.get(held.confirm_url()).status_code == 404  # lapsed: the link is dead
    deliver()
    mail.outbox.clear()
    lapsed, promoted = services.lapse_expired(later)
    assert (lapsed, promoted) == (1, 1)
    assert not Registration.objects.filter(pk=held.pk).exists()
    assert Registration.objects.get(pk=third.pk).status == CONFIRMED
    deliver()
    (message,) = mail.outbox
    assert message.to == ["carla@example.org"]
    assert message.subject == "Si è liberato un posto per te: Convegno annuale"


def test_lapse_command_runs_from_cron(event):
    from django.core.management import call_command

    held = services.register(event, name="Anna", email="anna@example.org")
    Registration.objects.filter(pk=held.pk).update(
        hold_expires_at=timezone.now() - timezone.timedelta(seconds=1)
    )
    out = io.StringIO()
    call_command("lapse_registrations", stdout=out)
    assert out.getvalue().strip() == "lapsed: 1, promoted: 0"
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "name",
    [
        "Anna\nVisit our offer",
        "Anna\r\nBcc: x",
        "Anna www.example.org",
        "Win at casino.com",
        "http://evil",
        "anna@example.org",
        "A" * 101,
    ],
)
def test_name_is_one_plain_line(client, event, name):
    response = client.post(register_url(event), form(name=name))
    assert response.status_code == 400
    assert Registration.objects.count() == 0 and not waiting().exists()


def test_plain_names_are_accepted(client, event):
    event.seats = None
    event.save()
    for n, name in enumerate(["Dott.ssa Maria Bianchi", "J.R.R. Tolkien", "Anna D'Angelo"]):
        client.post(register_url(event), form(name=name, email=f"p{n}@example.org"))
    assert Registration.objects.count() == 3


def test_english_visitor_gets_english_mail(client, event):
    with translation.override("en"):
        url = register_url(event)
    assert url.startswith("/en/agenda/") and url.endswith("/annual-conference/register/")
    client.post(url, form())
    registration = Registration.objects.get()
    assert registration.language == "en"
    deliver()
    assert mail.outbox[0].subject == "Please confirm your registration: Annual conference"
    assert "/en/agenda/registration/confirm/" in mail.outbox[0].body


def test_full_event_offers_the_waiting_list(client, event):
    make_registration(event)
    make_registration(event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "I posti sono esauriti" in html and "Entra in lista d'attesa" in html
    response = client.post(register_url(event), form(), follow=True)
    assert "Per entrare in lista d&#x27;attesa apri il collegamento" in response.content.decode()
    waiter = Registration.objects.get(email="anna@example.org")
    assert waiter.status == WAITING and waiter.is_held
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 2
    deliver()
    assert "lista d'attesa di “Convegno annuale”" in mail.outbox[0].body
    client.post(waiter.confirm_url())
    deliver()
    assert mail.outbox[1].subject == "Lista d'attesa: Convegno annuale"
    assert Registration.objects.get(pk=waiter.pk).status == WAITING


def test_same_email_twice_is_one_registration_with_a_clear_message(client, event):
    client.post(register_url(event), form())
    response = client.post(register_url(event), form(email=" ANNA@example.org "))
    assert response.status_code == 400
    assert "Questo indirizzo e-mail è già iscritto a questo evento" in response.content.decode()
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "fields, error",
    [
        ({"email": "not-an-address"}, "Inserisci un indirizzo email valido."),
        ({"name": "   "}, "Questo campo è obbligatorio."),
        ({"consent": ""}, "Per iscriverti devi accettare l&#x27;informativa sulla privacy."),
    ],
)
def test_invalid_form_shows_errors_and_saves_nothing(client, event, fields, error):
    response = client.post(register_url(event), form(**fields))
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html and 'aria-invalid="true"' in html and 'id="error-summary"' in html
    assert Registration.objects.count() == 0 and not waiting().exists()


def test_invalid_form_in_english(client, event):
    with translation.override("en"):
        url = register_url(event)
    html = client.post(url, form(consent="")).content.decode()
    assert "Please agree to the privacy notice to register." in html


def test_honeypot_saves_nothing(client, event):
    response = client.post(register_url(event), form(website="http://spam.example"))
    assert response.status_code == 302
    assert Registration.objects.count() == 0 and not waiting().exists()


def test_registration_closes(client, event):
    event.registration_closes_at = timezone.now() - timezone.timedelta(minutes=1)
    event.save()
    html = client.get(event.get_absolute_url()).content.decode()
    assert (
        "Le iscrizioni a questo evento sono chiuse." in html and '<form method="post"' not in html
    )
    response = client.post(register_url(event), form(), follow=True)
    assert "Le iscrizioni a questo evento sono chiuse." in response.content.decode()
    assert Registration.objects.count() == 0


def test_no_registration_for_events_that_do_not_take_them_or_are_past(client):
    plain = make_event()
    assert 'id="registration"' not in client.get(plain.get_absolute_url()).content.decode()
    client.post(register_url(plain), form())
    past = make_event(start=days_from_now(-2), registration_enabled=True, seats=10)
    client.post(register_url(past), form())
    assert Registration.objects.count() == 0


def test_get_on_register_shows_the_event_page(client, event):
    response = client.get(register_url(event), follow=True)
    assert response.redirect_chain == [(event.get_absolute_url(), 302)]
    assert "Convegno annuale" in response.content.decode()
    assert client.get(register_url(event).replace("convegno", "nessuno")).status_code == 404


def test_cancel_frees_the_seat_and_promotes_the_first_waiting(client, event):
    first = make_registration(event, email="first@example.org")
    make_registration(event)
    early = make_registration(event, status=WAITING, email="early@example.org", language="en")
    late = make_registration(event, status=WAITING, email="late@example.org")
    page = client.get(first.cancel_url())
    assert "Vuoi annullare l'iscrizione" in page.content.decode()
    assert Registration.objects.filter(pk=first.pk).exists()  # GET only asks
    response = client.post(first.cancel_url())
    assert "è annullata" in response.content.decode()
    assert not Registration.objects.filter(pk=first.pk).exists()
    early.refresh_from_db()
    late.refresh_from_db()
    assert early.status == CONFIRMED and early.promoted_at is not None
    assert late.status == WAITING
    deliver()
    cancelled, message = mail.outbox
    assert cancelled.to == ["first@example.org"]
    assert cancelled.subject == "Iscrizione annullata: Convegno annuale"
    assert message.to == ["early@example.org"]
    assert message.subject == "A seat is free for you: Annual conference"
    with translation.override("en"):
        assert early.cancel_url() in message.body  # in the language of the person promoted
    again = client.post(first.cancel_url())
    assert again.status_code == 404 and "non è valido" in again.content.decode()


def test_tampered_cancel_token_is_refused(client, event):
    registration = make_registration(event)
    token = registration.cancel_token()
    assert client.get(reverse("events:cancel", args=[token[:-2] + "xx"])).status_code == 404
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_staff_fill_seats_after_adding_some(admin_client, event):
    make_registration(event)
    make_registration(event)
    waiting_people = [make_registration(event, status=WAITING) for _ in range(3)]
    Event.objects.filter(pk=event.pk).update(seats=4)
    admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "fill_seats", "_selected_action": [event.pk]},
    )
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting_people]
    assert statuses == [CONFIRMED, CONFIRMED, WAITING]
    deliver()
    assert len(mail.outbox) == 2


def test_staff_download_registrations_as_csv(admin_client, event):
    make_registration(event, name='=HYPERLINK("http://evil")', organisation="Politecnico")
    make_registration(event, name="Bruno", status=WAITING)
    response = admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "download_registrations", "_selected_action": [event.pk]},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="registrations-')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Evento",
        "Inizio",
        "Nome",
        "E-mail",
        "Organizzazione",
        "Stato",
        "Iscritto il",
    ]
    assert rows[1][2] == '\'=HYPERLINK("http://evil")' and rows[1][4] == "Politecnico"
    assert rows[2][5] == "in lista d'attesa"
    listing = admin_client.post(
        reverse("admin:events_registration_changelist"),
        {
            "action": "download_csv",
            "_selected_action": list(Registration.objects.values_list("pk", flat=True)),
        },
    )
    assert len(list(csv.reader(io.StringIO(listing.content.decode("utf-8-sig"))))) == 3
    change = admin_client.get(
        reverse("admin:events_event_change", args=[event.pk])
    ).content.decode()
    assert "Bruno" in change  # the inline


def test_csv_is_staff_only(client, event):
    response = client.post(
        reverse("admin:events_event_changelist"),
        {"action": "download_registrations", "_selected_action": [event.pk]},
    )
    assert response.status_code == 302 and "login" in response["Location"]


def test_form_is_rate_limited_per_address(client, event):
    event.seats = None
    event.save()
    statuses = [
        client.post(register_url(event), form(email=f"p{n}@example.org")).status_code
        for n in range(25)
    ]
    assert statuses[:20] == [302] * 20
    assert statuses[20:] == [429] * 5
    assert Registration.objects.count() == 20


def test_service_never_overbooks_in_sequence(event):
    results = [
        services.register(event, name=f"P{n}", email=f"p{n}@example.org").status for n in range(5)
    ]
    assert results == [HELD, HELD, WAITING, WAITING, WAITING]
    with pytest.raises(services.AlreadyRegistered):
        services.register(event, name="Again", email="P0@example.org")


# --- Real concurrency, on PostgreSQL ----------------------------------------------------


def _in_threads(target, count):
    """Run `target(n)` in `count` threads released at once; each closes its connection."""
    barrier = threading.Barrier(count)
    results, errors = [], []

    def run(n):
        try:
            barrier.wait(timeout=30)
            results.append(target(n))
        except Exception as error:  # noqa: BLE001 (collected and asserted below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_sign_ups_never_exceed_the_seats():
    event = make_event(start=days_from_now(20), registration_enabled=True, seats=5)
    results, errors = _in_threads(
        lambda n: services.register(event, name=f"P{n}", email=f"p{n}@example.org").status, 30
    )
    assert errors == []
    assert sorted(results).count(HELD) == 5 and results.count(WAITING) == 25
    assert Registration.objects.filter(event=event, status=HELD).count() == 5
    assert Registration.objects.filter(event=event).count() == 30


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_same_address_is_one_registration():
    event = make_event(start=days_from_now(20), registration_enabled=True, seats=5)
    results, errors = _in_threads(
        lambda n: services.register(event, name=f"P{n}", email="same@example.org").status, 12
    )
    assert len(results) == 1 and len(errors) == 11
    assert all(isinstance(error, services.AlreadyRegistered) for error in errors)
    assert Registration.objects.filter(event=event).count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_promote_each_waiting_person_once():
    event = make_event(start=days_from_now(20), registration_enabled=True, seats=3)
    confirmed = [make_registration(event) for _ in range(3)]
    for _ in range(5):
        make_registration(event, status=WAITING)
    results, errors = _in_threads(lambda n: len(services.cancel(confirmed[n])), 3)
    assert errors == [] and sum(results) == 3
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 3
    assert Registration.objects.filter(event=event, status=WAITING).count() == 2


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_every_path_that_frees_a_seat_promotes_each_waiting_person_once():
    """A cancel link, an admin delete, a lapsed hold, the staff's "fill seats" and a new
    sign-up, all at once: the seats are never exceeded and nobody is skipped or doubled."""
    event = make_event(start=days_from_now(20), registration_enabled=True, seats=4)
    seated = [make_registration(event) for _ in range(3)]
    lapsed = services.register(event, name="Late", email="late@example.org")
    Registration.objects.filter(pk=lapsed.pk).update(
        hold_expires_at=timezone.now() - timezone.timedelta(seconds=1)
    )
    queue = [make_registration(event, status=WAITING) for _ in range(6)]
    paths = [
        lambda: services.cancel(seated[0]),
        lambda: services.delete_registrations(Registration.objects.filter(pk=seated[1].pk)),
        lambda: services.lapse_expired(),
        lambda: services.fill_from_waiting_list(event),
        lambda: services.register(event, name="New", email="new@example.org"),
    ]
    _results, errors = _in_threads(lambda n: paths[n](), len(paths))
    assert errors == []
    seats = Registration.objects.filter(event=event, status__in=[CONFIRMED, HELD])
    assert seats.count() == 4
    promoted = [r.pk for r in queue if Registration.objects.get(pk=r.pk).status == CONFIRMED]
    assert promoted == [r.pk for r in queue[:3]]  # first come, first served
    assert Registration.objects.get(email="new@example.org").status == WAITING
    assert not Registration.objects.filter(pk=lapsed.pk).exists()
    deliver()
    told = [m.to[0] for m in mail.outbox if m.subject.startswith("Si è liberato un posto")]
    assert sorted(told) == sorted(r.email for r in queue[:3])


def test_sign_up_and_confirmation_cost_a_fixed_number_of_queries(
    client, event, django_assert_max_num_queries
):
    event.seats = 100
    event.save()
    for _ in range(20):
        make_registration(event)
    # Whatever the number of registrations (the seats are counted in the database).
    with django_assert_max_num_queries(11):
        client.post(register_url(event), form())
    registration = Registration.objects.get(email="anna@example.org")
    with django_assert_max_num_queries(7):
        client.post(registration.confirm_url())
    assert Registration.objects.get(pk=registration.pk).status == CONFIRMED
