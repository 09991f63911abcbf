"""Demo content of the Agenda: the kinds, past events (2005–2007) and upcoming ones.

Upcoming events are dated from the day the command runs, so the Agenda is never empty;
each event is keyed on its Italian slug, so a second run changes only those dates. The
conference "Una trasformazione in atto" is not here: it is a meeting of the Economic
Development commission (commissions/demo.py), and a meeting *is* an Agenda event.
Attachments are generated in code: a one-page PDF and a short WAV "recording".
"""

import datetime
import io
import math
import struct
import wave

from django.core.files.base import ContentFile
from django.utils import timezone

from torino_portal.publishing import Status

from .models import Attachment, Event, EventKind

KINDS = [
    # slug, Italian, English, order
    ("conference", "Convegno", "Conference", 1),
    ("presentation", "Presentazione", "Presentation", 2),
    ("forum", "Forum", "Forum", 10),
    ("workshop", "Workshop", "Workshop", 11),
    ("consultation-day", "Giornata di consultazione", "Consultation day", 12),
]

POLITECNICO = ("Politecnico di Torino", "Corso Duca degli Abruzzi 24, 10129 Torino")
CARIGNANO = ("Teatro Carignano", "Piazza Carignano 6, 10123 Torino")
LINGOTTO = ("Centro Congressi Lingotto", "Via Nizza 280, 10126 Torino")
TORINO_INCONTRA = ("Centro Congressi Torino Incontra", "Via Nino Costa 8, 10123 Torino")

# Past events: (slug_it, kind, start "YYYY-MM-DD HH:MM", end or None, all_day, venue, texts)
PAST = [
    {
        "slug": "presentazione-percorso-secondo-piano",
        "kind": "presentation",
        "start": "2005-05-16 17:30",
        "end": "2005-05-16 19:30",
        "venue": CARIGNANO,
        "title_it": "Verso il Secondo Piano Strategico: presentazione del percorso",
        "title_en": "Towards the Second Strategic Plan: presenting the process",
        "summary_it": "L'associazione presenta alla città il percorso partecipativo che "
        "porterà al Secondo Piano Strategico dell'area metropolitana.",
        "summary_en": "The association presents to the city the participatory process that "
        "will lead to the Second Strategic Plan of the metropolitan area.",
    },
    {
        "slug": "scenari-per-il-sistema-locale",
        "kind": "presentation",
        "start": "2005-11-21 10:00",
        "end": "2005-11-21 13:00",
        "venue": TORINO_INCONTRA,
        "title_it": "Presentazione del volume «Scenari per il sistema locale»",
        "title_en": "Launch of the book “Scenarios for the local system”",
        "summary_it": "Gli scenari di sviluppo dell'area torinese discussi con gli autori.",
        "summary_en": "The development scenarios of the Turin area discussed with the authors.",
        "attachments": [("pdf", "Programma della mattinata", "Programme of the morning")],
    },
    {
        "slug": "giornata-di-consultazione-area-metropolitana",
        "kind": "consultation-day",
        "start": "2006-03-25 00:00",
        "end": "2006-03-26 00:00",
        "all_day": True,
        "venue": LINGOTTO,
        "title_it": "Due giornate di consultazione sull'area metropolitana",
        "title_en": "Two consultation days on the metropolitan area",
        "summary_it": "Cittadini, associazioni e imprese discutono le prime proposte.",
        "summary_en": "Citizens, associations and businesses discuss the first proposals.",
    },
    {
        "slug": "la-conoscenza-come-motore",
        "kind": "conference",
        "start": "2007-06-14 09:30",
        "end": "2007-06-14 17:30",
        "venue": POLITECNICO,
        "title_it": "La conoscenza come motore dello sviluppo",
        "title_en": "Knowledge as the engine of development",
        "summary_it": "Una giornata di studio con università, centri di ricerca e imprese.",
        "summary_en": "A study day with universities, research centres and businesses.",
        "attachments": [
            ("pdf", "Programma della giornata", "Programme of the day"),
            ("wav", "Registrazione dell'apertura dei lavori", "Recording of the opening"),
        ],
    },
]

# Upcoming events: days from today, start and end times ("HH:MM" or None).
UPCOMING = [
    {
        "slug": "incontro-pubblico-piano-e-citta",
        "kind": "presentation",
        "days": 12,
        "time": ("17:30", "19:30"),
        "venue": CARIGNANO,
        "title_it": "Incontro pubblico: il Piano e la città metropolitana",
        "title_en": "Public meeting: the Plan and the metropolitan city",
        "summary_it": "Un'ora e mezza di domande e risposte sul Piano Strategico.",
        "summary_en": "Ninety minutes of questions and answers on the Strategic Plan.",
    },
    {
        "slug": "convegno-annuale-torino-internazionale",
        "kind": "conference",
        "days": 30,
        "time": ("09:30", "17:00"),
        "venue": POLITECNICO,
        "registration": {"seats": 150, "closes_days": 28},
        "title_it": "Convegno annuale di Torino Internazionale",
        "title_en": "Torino Internazionale annual conference",
        "summary_it": "Lo stato di attuazione del Piano, con i partner e le istituzioni. "
        "Posti limitati: iscrizione obbligatoria.",
        "summary_en": "Where the Plan stands, with the partners and the institutions. "
        "Limited seats: registration required.",
        "attachments": [("pdf", "Programma del convegno", "Conference programme")],
    },
    {
        "slug": "workshop-mobilita-infrastrutture",
        "kind": "workshop",
        "days": 45,
        "end_days": 46,
        "all_day": True,
        "venue": TORINO_INCONTRA,
        "title_it": "Workshop: mobilità e infrastrutture",
        "title_en": "Workshop: mobility and infrastructure",
        "summary_it": "Due giornate di lavoro in gruppo ristretto con gli operatori.",
        "summary_en": "Two days of work in a small group with the operators.",
    },
    {
        "slug": "forum-delle-associazioni",
        "kind": "forum",
        "days": 70,
        "time": ("15:00", None),
        "venue": LINGOTTO,
        "title_it": "Forum delle associazioni",
        "title_en": "Forum of the associations",
        "summary_it": "La sessione plenaria aperta alle associazioni del territorio.",
        "summary_en": "The plenary session open to the area's associations.",
    },
]

DESCRIPTION_IT = (
    "<h2>Programma</h2><p>Accoglienza dei partecipanti, interventi e "
    "discussione con il pubblico.</p><h2>Come arrivare</h2><p>La sede è servita dai mezzi "
    "pubblici del Gruppo Torinese Trasporti.</p>"
)
DESCRIPTION_EN = (
    "<h2>Programme</h2><p>Welcome, talks and discussion with the "
    "audience.</p><h2>Getting there</h2><p>The venue is served by Turin's public "
    "transport (GTT).</p>"
)


def tiny_pdf(title):
    """A valid one-page PDF that says `title` (ASCII), built by hand: no dependency."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def tiny_wav(seconds=1.5, rate=8000):
    """A short mono WAV (a soft two-note chime) for the `<audio>` player."""
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        frames = bytearray()
        total = int(seconds * rate)
        for n in range(total):
            pitch = 523.25 if n < total // 2 else 659.25
            fade = 1 - (n % (total // 2)) / (total // 2)
            frames += struct.pack("<h", int(8000 * fade * math.sin(2 * math.pi * pitch * n / rate)))
        sound.writeframes(bytes(frames))
    return out.getvalue()


def _aware(text):
    return timezone.make_aware(datetime.datetime.strptime(text, "%Y-%m-%d %H:%M"))


def _at(day, hhmm):
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(*map(int, hhmm.split(":"))))
    )


def _texts(item):
    return {
        "title_it": item["title_it"],
        "title_en": item["title_en"],
        "summary_it": item["summary_it"],
        "summary_en": item["summary_en"],
        "description_it": DESCRIPTION_IT,
        "description_en": DESCRIPTION_EN,
        "venue_name_it": item["venue"][0],
        "venue_name_en": item["venue"][0],
        "venue_address": item["venue"][1],
    }


def _save_event(item, kinds, schedule):
    event = Event.objects.filter(slug_it=item["slug"], is_demo=True).first() or Event(
        slug_it=item["slug"], is_demo=True
    )
    fields = {
        "kind_id": kinds[item["kind"]].pk,
        "status": Status.PUBLISHED,
        "all_day": item.get("all_day", False),
        **_texts(item),
        **schedule,
    }
    if event.pk is None:
        fields["published_at"] = min(schedule["start"], timezone.now()) - datetime.timedelta(30)
    changed = event.pk is None
    for name, value in fields.items():
        if getattr(event, name) != value:
            setattr(event, name, value)
            changed = True
    if changed:
        event.save()
    for order, (kind, title_it, title_en) in enumerate(item.get("attachments", [])):
        _attach(event, order, kind, title_it, title_en)
    return event


def _attach(event, order, kind, title_it, title_en):
    attachment = Attachment.objects.filter(event=event, order=order).first()
    if attachment is None:
        content = tiny_pdf(title_en) if kind == "pdf" else tiny_wav()
        attachment = Attachment(event=event, order=order)
        attachment.file.save(f"{event.slug_it}-{order}.{kind}", ContentFile(content), save=False)
    attachment.title_it, attachment.title_en = title_it, title_en
    attachment.save()


def load():
    kinds = {}
    for slug, name_it, name_en, order in KINDS:
        kinds[slug], _created = EventKind.objects.update_or_create(
            slug=slug, defaults={"name_it": name_it, "name_en": name_en, "order": order}
        )
    for item in PAST:
        end = _aware(item["end"]) if item.get("end") else None
        _save_event(item, kinds, {"start": _aware(item["start"]), "end": end})
    today = timezone.localdate()
    for item in UPCOMING:
        day = today + datetime.timedelta(days=item["days"])
        if item.get("all_day"):
            start = _at(day, "00:00")
            end = _at(today + datetime.timedelta(days=item["end_days"]), "00:00")
        else:
            start_time, end_time = item["time"]
            start, end = _at(day, start_time), _at(day, end_time) if end_time else None
        schedule = {"start": start, "end": end}
        if "registration" in item:
            closes = today + datetime.timedelta(days=item["registration"]["closes_days"])
            schedule.update(
                registration_enabled=True,
                seats=item["registration"]["seats"],
                registration_closes_at=_at(closes, "23:59"),
            )
        _save_event(item, kinds, schedule)
