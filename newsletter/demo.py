"""Demo content of the mailing list: the interests subscribers choose from (the sections and
the five commissions: real names, kept live) and one invented newsletter in the archive."""

from django.utils.dateparse import parse_datetime
from django.utils.timezone import make_aware

from torino_portal.publishing import Status

from .models import Interest, Newsletter

INTERESTS = [
    ("territorio-metropolitano", "Territorio Metropolitano", "Metropolitan Territory"),
    ("potenziale-culturale", "Potenziale Culturale", "Cultural Potential"),
    ("qualita-sociale", "Qualità Sociale", "Social Quality"),
    ("sviluppo-economico", "Sviluppo Economico", "Economic Development"),
    ("conoscenza", "Conoscenza", "Knowledge"),
    ("agenda", "Agenda", "Agenda"),
    ("editoria", "Editoria", "Publications"),
    ("tamtam", "Tamtam", "Tamtam"),
    ("rassegna-stampa", "Rassegna Stampa", "Press Review"),
]

NEWSLETTER = {
    "subject_it": "Mailing list n. 1 — Verso il Secondo Piano Strategico",
    "subject_en": "Mailing list no. 1 — Towards the Second Strategic Plan",
    "body_it": (
        "<p>Il percorso di elaborazione del Secondo Piano Strategico dell'area metropolitana "
        "torinese entra nella fase di confronto pubblico: le quattro commissioni tematiche e il "
        "gruppo trasversale sulla Conoscenza si riuniscono in forum e workshop.</p>"
        '<p>Il calendario degli incontri è in <a href="/it/agenda/">Agenda</a>.</p>'
    ),
    "body_en": (
        "<p>The drafting of the Second Strategic Plan of the Turin metropolitan area enters "
        "the public debate: the four thematic commissions and the transversal group on "
        "Knowledge meet in forums and workshops.</p>"
        '<p>The meetings are listed in the <a href="/en/agenda/">Agenda</a>.</p>'
    ),
}


def load():
    for order, (key, name_it, name_en) in enumerate(INTERESTS, start=1):
        Interest.objects.update_or_create(
            key=key, defaults={"name_it": name_it, "name_en": name_en, "order": order}
        )
    Newsletter.objects.update_or_create(
        subject_it=NEWSLETTER["subject_it"],
        defaults={
            **NEWSLETTER,
            "status": Status.PUBLISHED,
            "published_at": make_aware(parse_datetime("2007-08-20 09:00")),
            "is_demo": True,
        },
    )
