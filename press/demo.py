"""Demo content of the press app: the sources, an invented press review of 2005–2007, the
two interim publications named on the seed page and the two Strategic Plans, and Tamtam
issues. Everything but the sources (real newspapers) is invented and marked as demo.

Covers, scans and PDFs are drawn with Pillow and saved through the storage API, only when
the item has no file yet (or its file is gone): a second run writes nothing.
"""

import io
from datetime import date, datetime, time

from django.core.files.base import ContentFile
from django.utils.text import slugify
from django.utils.timezone import make_aware
from PIL import Image, ImageDraw, ImageFont

from commissions.models import Commission
from plans.models import Direction, Plan
from torino_portal.publishing import Status

from .models import Clipping, Issue, Publication, Series, Source

SOURCES = [
    ("La Stampa", "la-stampa", Source.Kind.NEWSPAPER, "https://www.lastampa.it/"),
    ("la Repubblica Torino", "la-repubblica-torino", Source.Kind.NEWSPAPER, ""),
    ("Il Sole 24 Ore", "il-sole-24-ore", Source.Kind.NEWSPAPER, "https://www.ilsole24ore.com/"),
    ("Corriere della Sera", "corriere-della-sera", Source.Kind.NEWSPAPER, ""),
    ("ANSA", "ansa", Source.Kind.AGENCY, "https://www.ansa.it/"),
    ("Il Giornale del Piemonte", "il-giornale-del-piemonte", Source.Kind.NEWSPAPER, ""),
    ("Financial Times", "financial-times", Source.Kind.NEWSPAPER, ""),
]

# (source slug, date, headline, language, author, page, summary it, summary en, directions)
CLIPPINGS = [
    (
        "la-stampa",
        "2005-03-14",
        "Torino ripensa il suo futuro: al via il secondo Piano strategico",
        "it",
        "M. Rossi",
        "p. 41, Cronaca di Torino",
        "L'associazione Torino Internazionale avvia l'elaborazione del secondo Piano strategico: "
        "una fase di ascolto degli attori politici e istituzionali precede il confronto pubblico.",
        "Torino Internazionale starts drafting the second Strategic Plan: listening to political "
        "and institutional actors comes before the public debate.",
        [1],
    ),
    (
        "ansa",
        "2005-04-02",
        "Piano strategico: Torino guarda oltre le Olimpiadi",
        "it",
        "",
        "",
        "L'agenzia riporta la presentazione del percorso verso il secondo Piano e le sue tre fasi.",
        "The agency reports on the presentation of the path to the second Plan "
        "and its three phases.",
        [],
    ),
    (
        "il-sole-24-ore",
        "2005-05-20",
        "Il modello Torino: pianificare lo sviluppo insieme",
        "it",
        "L. Bianchi",
        "p. 12, Nord Ovest",
        "Il quotidiano economico analizza il metodo del Piano strategico come esempio "
        "di governance metropolitana condivisa tra enti pubblici, imprese e università.",
        "The business daily looks at the Strategic Plan's method as an example of metropolitan "
        "governance shared by public bodies, businesses and universities.",
        [2, 3],
    ),
    (
        "la-repubblica-torino",
        "2005-06-08",
        "Le commissioni tematiche al lavoro",
        "it",
        "S. Ferrero",
        "p. III",
        "Partono le quattro commissioni tematiche: territorio metropolitano, potenziale culturale, "
        "qualità sociale e sviluppo economico.",
        "The four thematic commissions start work: metropolitan territory, cultural potential, "
        "social quality and economic development.",
        [],
    ),
    (
        "corriere-della-sera",
        "2005-09-27",
        "Torino, la città che si reinventa",
        "it",
        "A. Conti",
        "p. 23, Cronache",
        "Un ritratto della trasformazione di Torino, dalla città industriale alla città della "
        "conoscenza, con il Piano strategico come filo conduttore.",
        "A portrait of Turin's transformation from industrial city to city of knowledge, with the "
        "Strategic Plan as the common thread.",
        [4],
    ),
    (
        "la-stampa",
        "2005-11-15",
        "Forum pubblico sul Piano: in cinquecento al Politecnico",
        "it",
        "M. Rossi",
        "p. 45, Cronaca di Torino",
        "Grande partecipazione al forum del Piano strategico: cittadini, associazioni e imprese "
        "discutono le priorità per l'area metropolitana.",
        "A large turnout at the Strategic Plan's forum: citizens, associations and businesses "
        "discuss priorities for the metropolitan area.",
        [],
    ),
    (
        "il-giornale-del-piemonte",
        "2006-01-19",
        "Area metropolitana, i sindaci chiedono più peso",
        "it",
        "G. Valle",
        "p. 5",
        "I sindaci dei comuni della cintura intervengono nel confronto sul Piano "
        "chiedendo un ruolo più forte nelle scelte sul territorio.",
        "The mayors of the surrounding towns join the debate on the Plan and ask "
        "for a stronger say in decisions about the territory.",
        [5],
    ),
    (
        "financial-times",
        "2006-02-06",
        "Turin bets on knowledge after the Games",
        "en",
        "P. Taylor",
        "p. 9, World News",
        "Il quotidiano britannico descrive la strategia di Torino per il dopo-Olimpiadi: "
        "università, ricerca e cultura al centro del secondo Piano.",
        "The British daily describes Turin's strategy for after the Olympics: universities, "
        "research and culture at the heart of the second Plan.",
        [6],
    ),
    (
        "ansa",
        "2006-03-30",
        "Torino Internazionale: presentate le linee del nuovo Piano",
        "it",
        "",
        "",
        "Sintesi della conferenza stampa di presentazione delle prime linee del secondo Piano.",
        "A summary of the press conference presenting the first outline of the second Plan.",
        [],
    ),
    (
        "la-repubblica-torino",
        "2006-04-22",
        "Cultura, il potenziale da sviluppare",
        "it",
        "E. Galli",
        "p. VII",
        "La commissione sul potenziale culturale propone di fare della cultura un motore economico "
        "e di coesione per tutta l'area metropolitana.",
        "The commission on cultural potential proposes making culture an engine of growth and "
        "cohesion for the whole metropolitan area.",
        [7],
    ),
    (
        "la-stampa",
        "2006-06-11",
        "Qualità sociale, le proposte delle associazioni",
        "it",
        "C. Marino",
        "p. 52, Cronaca di Torino",
        "Associazioni e terzo settore portano al tavolo del Piano proposte su casa, welfare e "
        "integrazione.",
        "Associations and the voluntary sector bring proposals on housing, welfare and "
        "integration to the Plan's table.",
        [8],
    ),
    (
        "il-sole-24-ore",
        "2006-07-04",
        "Torino, sviluppo economico e innovazione nel Piano",
        "it",
        "L. Bianchi",
        "p. 14, Nord Ovest",
        "Le imprese chiedono che il Piano punti su innovazione, internazionalizzazione e "
        "infrastrutture.",
        "Businesses ask the Plan to focus on innovation, internationalisation and infrastructure.",
        [9],
    ),
    (
        "corriere-della-sera",
        "2006-09-18",
        "Dopo i Giochi, Torino si dà un metodo",
        "it",
        "A. Conti",
        "p. 19",
        "Il metodo del Piano strategico come eredità delle Olimpiadi: un processo condiviso per "
        "decidere le priorità.",
        "The Strategic Plan's method as a legacy of the Olympics: a shared process to set "
        "priorities.",
        [],
    ),
    (
        "il-giornale-del-piemonte",
        "2006-10-25",
        "Giornata di consultazione sul territorio",
        "it",
        "G. Valle",
        "p. 7",
        "Cronaca della giornata di consultazione dedicata al territorio metropolitano e alla "
        "mobilità.",
        "A report on the consultation day on the metropolitan territory and mobility.",
        [10],
    ),
    (
        "la-stampa",
        "2006-11-30",
        "«Una trasformazione in atto»: il convegno del Piano",
        "it",
        "M. Rossi",
        "p. 44, Cronaca di Torino",
        "Oltre cinquecento partecipanti al Politecnico per il convegno che presenta il secondo "
        "Piano strategico.",
        "Over five hundred people at the Politecnico for the conference presenting the second "
        "Strategic Plan.",
        [1, 2],
    ),
    (
        "ansa",
        "2006-12-01",
        "Torino: presentato il secondo Piano strategico",
        "it",
        "",
        "",
        "L'agenzia dà notizia della presentazione pubblica del secondo Piano strategico.",
        "The agency reports the public presentation of the second Strategic Plan.",
        [],
    ),
    (
        "la-repubblica-torino",
        "2007-01-16",
        "Il Piano in dodici direzioni",
        "it",
        "S. Ferrero",
        "p. II",
        "Una guida alle dodici direzioni d'intervento del secondo Piano e ai tre meta-obiettivi.",
        "A guide to the second Plan's twelve strategic directions and its three meta-objectives.",
        [3, 11, 12],
    ),
    (
        "il-sole-24-ore",
        "2007-03-08",
        "Torino, dal Piano ai progetti",
        "it",
        "R. Greco",
        "p. 11, Nord Ovest",
        "A pochi mesi dalla presentazione, le prime azioni del Piano diventano progetti concreti.",
        "A few months after its presentation, the Plan's first actions turn into projects.",
        [9],
    ),
    (
        "corriere-della-sera",
        "2007-05-12",
        "Le città italiane e la pianificazione strategica",
        "it",
        "F. Neri",
        "p. 27",
        "Torino citata come capofila tra le città italiane che adottano piani strategici.",
        "Turin cited as the leader among Italian cities adopting strategic plans.",
        [],
    ),
    (
        "la-stampa",
        "2007-07-03",
        "Piano strategico, il bilancio del primo semestre",
        "it",
        "C. Marino",
        "p. 49, Cronaca di Torino",
        "Torino Internazionale fa il punto sull'avanzamento del secondo Piano e annuncia il "
        "monitoraggio delle azioni.",
        "Torino Internazionale reviews the second Plan's progress and announces the monitoring "
        "of its actions.",
        [4, 5],
    ),
]

# Commission tags, by headline (the commissions come from commissions/demo.py).
COMMISSION_TAGS = {
    "Le commissioni tematiche al lavoro": [
        "territorio-metropolitano",
        "potenziale-culturale",
        "qualita-sociale",
        "sviluppo-economico",
    ],
    "Area metropolitana, i sindaci chiedono più peso": ["territorio-metropolitano"],
    "Turin bets on knowledge after the Games": ["conoscenza"],
    "Cultura, il potenziale da sviluppare": ["potenziale-culturale"],
    "Qualità sociale, le proposte delle associazioni": ["qualita-sociale"],
    "Torino, sviluppo economico e innovazione nel Piano": ["sviluppo-economico"],
    "Giornata di consultazione sul territorio": ["territorio-metropolitano"],
}

SERIES = [
    ("piani-strategici", "I Piani Strategici", "The Strategic Plans"),
    ("materiali-del-piano", "Materiali del Piano", "Plan papers"),
]

# (slug_it, title it/en, subtitle it/en, year, series, plan number, authors, isbn, description)
PUBLICATIONS = [
    (
        "scenari-per-il-sistema-locale",
        "Scenari per il sistema locale",
        "Scenarios for the local system",
        "Pubblicazione intermedia del secondo Piano Strategico",
        "An interim publication of the second Strategic Plan",
        2005,
        "materiali-del-piano",
        None,
        "a cura di Torino Internazionale",
        "",
        "<p>Il volume raccoglie gli scenari di sviluppo dell'area metropolitana torinese discussi "
        "nella prima fase del processo: demografia, economia, territorio e cultura.</p>",
        "<p>The volume gathers the development scenarios for the Turin metropolitan area "
        "discussed in the first phase of the process: population, economy, territory and "
        "culture.</p>",
    ),
    (
        "verso-il-secondo-piano-strategico",
        "Verso il Secondo Piano Strategico",
        "Towards the Second Strategic Plan",
        "Pubblicazione intermedia",
        "An interim publication",
        2006,
        "materiali-del-piano",
        None,
        "a cura di Torino Internazionale",
        "",
        "<p>Il documento sintetizza i risultati delle commissioni tematiche e del confronto "
        "pubblico, e anticipa le direzioni d'intervento del secondo Piano.</p>",
        "<p>The document sums up the results of the thematic commissions and of the public "
        "debate, and previews the strategic directions of the second Plan.</p>",
    ),
    (
        "il-primo-piano-strategico",
        "Il Piano Strategico della città",
        "The Strategic Plan of the city",
        "Primo Piano Strategico di Torino",
        "Turin's first Strategic Plan",
        2000,
        "piani-strategici",
        1,
        "Torino Internazionale",
        "",
        "<p>Il primo Piano Strategico dell'area metropolitana torinese, approvato nel 2000: sei "
        "linee strategiche per una Torino internazionale.</p>",
        "<p>The first Strategic Plan of the Turin metropolitan area, adopted in 2000: six "
        "strategic lines for an international Turin.</p>",
    ),
    (
        "il-secondo-piano-strategico",
        "Secondo Piano Strategico dell'area metropolitana torinese",
        "Second Strategic Plan of the Turin metropolitan area",
        "Torino, una trasformazione in atto",
        "Turin, a transformation under way",
        2006,
        "piani-strategici",
        2,
        "Torino Internazionale",
        "",
        "<p>Il secondo Piano Strategico, presentato nel 2006: tre meta-obiettivi e dodici "
        "direzioni d'intervento per la società della conoscenza.</p>",
        "<p>The second Strategic Plan, presented in 2006: three meta-objectives and twelve "
        "strategic directions for the knowledge society.</p>",
    ),
]

# (number, date, theme it, theme en, contents it, contents en)
ISSUES = [
    (18, "2005-04-01", "Verso il secondo Piano Strategico", "Towards the second Strategic Plan"),
    (19, "2005-10-01", "Il territorio metropolitano", "The metropolitan territory"),
    (20, "2006-03-01", "Torino dopo le Olimpiadi", "Turin after the Olympics"),
    (
        21,
        "2006-07-01",
        "La conoscenza come motore dello sviluppo",
        "Knowledge as the engine of growth",
    ),
    (22, "2006-12-01", "Una trasformazione in atto", "A transformation under way"),
    (23, "2007-05-01", "Qualità sociale e coesione", "Social quality and cohesion"),
]

PALETTE = ["#7a1d2b", "#0b4f7a", "#2f5d3a", "#5a1420", "#6b4e16", "#3d3d6b"]


def _font(size):
    return ImageFont.load_default(size=size)


def _wrap(text, width):
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def _cover(title, subtitle, colour, fmt="PNG"):
    """A 400×560 cover: the title on a coloured ground, marked as demo."""
    image = Image.new("RGB", (400, 560), colour)
    draw = ImageDraw.Draw(image)
    draw.text((28, 30), "Torino Internazionale", font=_font(22), fill="white")
    y = 160
    for line in _wrap(title, 20):
        draw.text((28, y), line, font=_font(32), fill="white")
        y += 42
    for line in _wrap(subtitle, 32):
        draw.text((28, y + 16), line, font=_font(20), fill="#f4efe9")
        y += 28
    draw.text((28, 510), "DEMO", font=_font(20), fill="#ffbf47")
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def _pdf(title, lines):
    """A one-page A4 PDF (at 72 dpi) with the title and a few lines, marked as demo."""
    page = Image.new("RGB", (595, 842), "white")
    draw = ImageDraw.Draw(page)
    y = 60
    for line in _wrap(title, 40):
        draw.text((50, y), line, font=_font(26), fill="#5a1420")
        y += 34
    for text in lines:
        for line in _wrap(text, 70):
            y += 22
            draw.text((50, y), line, font=_font(15), fill="#1f1f1f")
    draw.text((50, 790), "Torino Internazionale · DEMO", font=_font(14), fill="#555555")
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=72)
    return buffer.getvalue()


def _attach(instance, field, filename, make, *args):
    """Save `make(*args)` into `field` unless the item already has its file in storage."""
    current = getattr(instance, field)
    if current and current.storage.exists(current.name):
        return False
    current.save(filename, ContentFile(make(*args)), save=False)
    return True


def _published(day):
    return make_aware(datetime.combine(day, time(9, 0)))


def load():
    sources = {}
    for name, slug, kind, website in SOURCES:
        sources[slug], _ = Source.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "website": website}
        )
    directions = {d.number: d for d in Direction.objects.filter(plan__number=2)}
    commissions = {c.slug_it: c for c in Commission.objects.all()}
    for index, row in enumerate(CLIPPINGS):
        slug, day, headline, language, author, page, summary_it, summary_en, tags = row
        day = date.fromisoformat(day)
        clipping, _ = Clipping.objects.update_or_create(
            source=sources[slug],
            date=day,
            headline=headline,
            defaults={
                "language": language,
                "author": author,
                "page": page,
                "summary_it": summary_it,
                "summary_en": summary_en,
                "status": Status.PUBLISHED,
                "published_at": _published(day),
                "is_demo": True,
            },
        )
        name = f"{day:%Y-%m-%d}-{slugify(headline)[:50]}"
        # Most scans are PDFs; every third is an image, as from a photo of the page.
        if index % 3:
            changed = _attach(clipping, "scan", f"{name}.pdf", _pdf, headline, [summary_it])
        else:
            changed = _attach(
                clipping, "scan", f"{name}.png", _cover, headline, sources[slug].name, "#555555"
            )
        if changed:
            clipping.save(update_fields=["scan"])
        clipping.directions.set([directions[n] for n in tags if n in directions])
        clipping.commissions.set(
            [commissions[s] for s in COMMISSION_TAGS.get(headline, []) if s in commissions]
        )

    series = {}
    for slug, name_it, name_en in SERIES:
        series[slug], _ = Series.objects.update_or_create(
            slug=slug, defaults={"name_it": name_it, "name_en": name_en, "is_demo": True}
        )
    plans = {plan.number: plan for plan in Plan.objects.all()}
    for index, row in enumerate(PUBLICATIONS):
        (
            slug,
            title_it,
            title_en,
            sub_it,
            sub_en,
            year,
            series_slug,
            plan_number,
            authors,
            isbn,
            description_it,
            description_en,
        ) = row
        publication, _ = Publication.objects.update_or_create(
            slug_it=slug,
            defaults={
                "title_it": title_it,
                "title_en": title_en,
                "subtitle_it": sub_it,
                "subtitle_en": sub_en,
                "year": year,
                "series": series[series_slug],
                "plan": plans.get(plan_number),
                "authors": authors,
                "isbn": isbn,
                "description_it": description_it,
                "description_en": description_en,
                "status": Status.PUBLISHED,
                "published_at": _published(date(year, 12, 1)),
                "is_demo": True,
            },
        )
        colour = PALETTE[index % len(PALETTE)]
        changed = _attach(publication, "cover", f"{slug}.png", _cover, title_it, sub_it, colour)
        changed |= _attach(publication, "pdf", f"{slug}.pdf", _pdf, title_it, [sub_it, authors])
        if changed:
            publication.save(update_fields=["cover", "pdf"])

    for index, (number, day, theme_it, theme_en) in enumerate(ISSUES):
        day = date.fromisoformat(day)
        contents_it = (
            f"<h2>{theme_it}</h2><ul><li>Editoriale</li><li>Intervista</li>"
            "<li>I numeri del Piano</li><li>Agenda</li></ul>"
        )
        contents_en = (
            f"<h2>{theme_en}</h2><ul><li>Editorial</li><li>Interview</li>"
            "<li>The Plan in figures</li><li>Agenda</li></ul>"
        )
        issue, _ = Issue.objects.update_or_create(
            number=number,
            defaults={
                "date": day,
                "theme_it": theme_it,
                "theme_en": theme_en,
                "contents_it": contents_it,
                "contents_en": contents_en,
                "status": Status.PUBLISHED,
                "published_at": _published(day),
                "is_demo": True,
            },
        )
        colour = PALETTE[index % len(PALETTE)]
        changed = _attach(
            issue, "cover", f"tamtam-{number}.png", _cover, f"Tamtam {number}", theme_it, colour
        )
        changed |= _attach(
            issue, "pdf", f"tamtam-{number}.pdf", _pdf, f"Tamtam n. {number}", [theme_it]
        )
        if changed:
            issue.save(update_fields=["cover", "pdf"])
