"""Accessibility beyond what axe sees (issue 10): the statement, recordings with transcripts,
forms that speak, and text in the right language. What a visitor's browser receives."""

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from commissions.models import Document
from events.models import Attachment
from tests.factories import make_page, make_plan, make_site_page, make_staff
from tests.factories_commissions import make_document, make_meeting, make_topic, wav_bytes
from tests.factories_content import load_app, load_content
from tests.factories_events import days_from_now, make_event
from tests.factories_press import make_clipping, make_publication, make_source
from torino_portal.models import SitePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The forms' rate limits count in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the language each one is in."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self, html):
        super().__init__()
        self.tags, self._stack, self.texts = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or (self._stack[-1][1] if self._stack else "")
        self.tags.append((tag, attrs, lang))
        if tag not in self.VOID:
            self._stack.append((tag, lang))

    def handle_endtag(self, tag):
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        # Texts of the body only: the head's <title> is one string for the whole page.
        if data.strip() and any(tag == "body" for tag, _lang in self._stack):
            self.texts.append((data.strip(), self._stack[-1][1]))

    def find(self, tag, **attrs):
        wanted = attrs.items()
        return [a for t, a, _l in self.tags if t == tag and all(a.get(k) == v for k, v in wanted)]

    def lang_of(self, text):
        """The language of the element whose own text contains `text`."""
        return next(lang for data, lang in self.texts if text in data)


def page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response.content.decode()


def title_of(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


# --- The accessibility statement ----------------------------------------------------------


def test_the_statement_follows_agids_model_in_both_languages(client):
    load_content()  # the client's content: content/site/accessibility/, not a demo page
    assert SitePage.objects.published().filter(key=SitePage.Key.ACCESSIBILITY).exists()
    assert reverse("site-accessibility") == "/it/accessibilita/"
    html = page(client, "/it/accessibilita/")
    assert "<h1" in html and "Dichiarazione di accessibilità" in title_of(html)
    for section in [
        "Stato di conformità",
        "Contenuti non accessibili",
        "Redazione della dichiarazione",
        "Meccanismo di feedback e recapiti",
        "Procedura di attuazione",
    ]:
        assert f">{section}</h2>" in html, section
    assert "parzialmente conforme" in html and "25 novembre 2026" in html
    assert 'href="mailto:info@torinointernazionale.org"' in html
    assert 'href="https://form.agid.gov.it/"' in html
    with translation.override("en"):
        assert reverse("site-accessibility") == "/en/accessibility/"
    html = page(client, "/en/accessibility/")
    for section in [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ]:
        assert f">{section}</h2>" in html, section
    assert 'href="https://form.agid.gov.it/"' in html


def test_staff_edit_the_statement_in_the_admin(client):
    statement = make_site_page("accessibility", title_it="Dichiarazione di accessibilità")
    client.force_login(make_staff())
    response = client.get(reverse("admin:torino_portal_sitepage_change", args=[statement.pk]))
    assert response.status_code == 200
    assert "Dichiarazione di accessibilità" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "link", "text"),
    [
        ("/it/", "/it/accessibilita/", "Dichiarazione di accessibilità"),
        ("/en/", "/en/accessibility/", "Accessibility statement"),
        ("/it/mailing-list/", "/it/accessibilita/", "Dichiarazione di accessibilità"),
        ("/it/pagina-che-non-esiste/", "/it/accessibilita/", "Dichiarazione di accessibilità"),
    ],
)
def test_every_page_links_the_statement_from_its_footer(client, url, link, text):
    html = client.get(url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<a href="{link}">{text}</a>' in footer


# --- Recordings with transcripts ----------------------------------------------------------


def audio_attachment(event, **fields):
    attachment = Attachment(event=event, title_it="Registrazione dell’incontro", **fields)
    attachment.file = SimpleUploadedFile("incontro.wav", wav_bytes())
    attachment.save()
    return attachment


def test_a_recording_is_named_and_its_transcript_shown_under_the_player(client):
    event = make_event(start=days_from_now(-400))
    audio_attachment(
        event,
        title_en="Recording of the meeting",
        transcript_it="<p>Buongiorno a tutti, apriamo i lavori.</p>",
        transcript_en="<p>Good morning, everyone: let us begin.</p>",
    )
    html = page(client, event.get_absolute_url())
    elements = Elements(html)
    [audio] = elements.find("audio")
    [caption] = elements.find("figcaption", id=audio["aria-labelledby"])
    assert "Registrazione dell’incontro" in html
    player_at = html.index("<audio")
    assert html.index("Buongiorno a tutti, apriamo i lavori.") > player_at
    assert html.index("Trascrizione") > player_at
    assert caption is not None

    with translation.override("en"):
        url = event.get_absolute_url()
    html = page(client, url)
    assert "Good morning, everyone: let us begin." in html and "Buongiorno" not in html


def test_an_untranslated_transcript_is_marked_italian_on_english_pages(client):
    event = make_event(start=days_from_now(-400))
    audio_attachment(event, transcript_it="<p>Buongiorno a tutti.</p>")
    with translation.override("en"):
        url = event.get_absolute_url()
    elements = Elements(page(client, url))
    assert elements.lang_of("Buongiorno a tutti.") == "it"
    assert elements.lang_of("Registrazione dell’incontro") == "it"


def test_a_commission_recording_has_a_name_and_transcript(client):
    meeting = make_meeting()
    make_document(
        meeting=meeting,
        name="intervento.wav",
        content=wav_bytes(),
        title_it="Intervento del presidente",
        transcript_it="<p>Il presidente saluta i presenti.</p>",
    )
    html = page(client, meeting.get_absolute_url())
    elements = Elements(html)
    [audio] = elements.find("audio")
    assert elements.find("figcaption", id=audio["aria-labelledby"])
    assert "Il presidente saluta i presenti." in html


def test_the_admin_warns_about_audio_without_transcript_and_filters_it(client):
    silent = make_event(title_it="Senza trascrizione", start=days_from_now(-30))
    audio_attachment(silent)
    transcribed = make_event(title_it="Con trascrizione", start=days_from_now(-31))
    audio_attachment(transcribed, transcript_it="<p>Testo.</p>")
    assert list(Attachment.objects.audio_without_transcript().values_list("event", flat=True)) == [
        silent.pk
    ]
    client.force_login(make_staff())
    changelist = reverse("admin:events_event_changelist")
    html = client.get(changelist, {"transcript": "missing"}).content.decode()
    assert "Senza trascrizione" in html and "Con trascrizione" not in html
    assert "audio senza trascrizione" in client.get(changelist).content.decode()

    change = reverse("admin:events_event_change", args=[silent.pk])
    response = client.post(change, _admin_post_data(client, change), follow=True)
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert warnings == [
        "Questo file audio non ha la trascrizione: “Registrazione dell’incontro”. Aggiungila, "
        "così chi non può ascoltarlo potrà leggerlo."
    ]
    # Once it has one, the warning is gone.
    Attachment.objects.filter(event=silent).update(transcript_it="<p>Testo.</p>")
    response = client.post(change, _admin_post_data(client, change), follow=True)
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_every_demo_recording_has_a_transcript(client):
    load_content()
    load_app("events", demo=True)
    load_app("commissions", demo=True)
    recordings = [a for a in Attachment.objects.all() if a.is_audio]
    recordings += [d for d in Document.objects.all() if d.is_audio]
    assert len(recordings) >= 2
    assert all(item.transcript_it and item.transcript_en for item in recordings)
    assert not Attachment.objects.audio_without_transcript().exists()
    assert not Document.objects.audio_without_transcript().exists()
    html = page(client, recordings[0].event.get_absolute_url())
    assert "tre note di campanello" in html


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
            if isinstance(value, datetime.datetime):  # the admin's split date and time
                value = timezone.localtime(value)
                data[f"{key}_0"], data[f"{key}_1"] = value.date(), value.strftime("%H:%M:%S")
            elif isinstance(value, list | tuple):
                data[key] = value
            elif not hasattr(value, "name"):  # a file stays as it is when none is sent
                data[key] = "on" if value is True else str(value)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return data


# --- Forms that speak ---------------------------------------------------------------------


def registration_event():
    return make_event(start=days_from_now(20, 9, 30), registration_enabled=True, seats=5)


def register_url(event):
    day = event.local_start_date
    return reverse("events:register", args=[day.year, day.month, day.day, event.slug])


def test_an_invalid_registration_comes_back_with_a_summary_and_a_counted_title(client):
    event = registration_event()
    response = client.post(
        register_url(event), {"name": "", "email": "not-an-address", "website": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert title_of(html).startswith("3 errori – ")
    elements = Elements(html)
    [summary] = elements.find("div", id="error-summary")
    assert summary["tabindex"] == "-1" and "data-error-summary" in summary
    links = re.findall(r'<li><a href="#(id_\w+)">([^<]+)</a></li>', html)
    assert [target for target, _text in links] == ["id_name", "id_email", "id_consent"]
    for target, _text in links:
        [field] = elements.find("input", id=target)
        assert field["aria-invalid"] == "true"
        assert f"{target}_error" in field["aria-describedby"].split()
        assert elements.find("ul", id=f"{target}_error")
    [email] = elements.find("input", id="id_email")
    assert email["aria-describedby"] == "id_email_helptext id_email_error"
    assert elements.find("span", id="id_email_helptext")
    # The summary comes before the first field; the page loads the script that focuses it.
    assert html.index('id="error-summary"') < html.index('id="id_name"')
    assert re.search(r'<script src="/static/js/forms\.js" defer></script>', html)


def test_a_valid_page_has_no_summary_and_a_plain_title(client):
    event = registration_event()
    html = page(client, event.get_absolute_url())
    assert 'id="error-summary"' not in html
    assert not re.match(r"\d+ error", title_of(html))
    assert "aria-invalid" not in html


def test_the_english_title_counts_errors_in_english(client):
    with translation.override("en"):
        url = reverse("newsletter:index")
    response = client.post(url, {"email": "", "language": "en", "website": ""})
    html = response.content.decode()
    assert title_of(html).startswith("2 errors – ")
    assert "The form has 2 errors:" in html


@pytest.mark.parametrize(
    ("url_name", "data", "count"),
    [
        ("newsletter:index", {"email": "x", "language": "it"}, 2),
        ("newsletter:unsubscribe-request", {"email": ""}, 1),
    ],
)
def test_newsletter_forms_speak(client, url_name, data, count):
    html = client.post(reverse(url_name), {**data, "website": ""}).content.decode()
    assert title_of(html).startswith(f"{count} error")
    elements = Elements(html)
    assert elements.find("div", id="error-summary")
    [email] = elements.find("input", id="id_email")
    assert email["aria-invalid"] == "true" and email["autocomplete"] == "email"


def test_the_forum_form_speaks(client):
    topic = make_topic()
    html = client.post(
        topic.get_absolute_url(), {"name": "", "email": "", "text": "", "website": ""}
    ).content.decode()
    assert title_of(html).startswith("4 errori – ")
    elements = Elements(html)
    assert len(re.findall(r'<li><a href="#id_', html)) == 4
    [name] = elements.find("input", id="id_name")
    assert name["aria-invalid"] == "true" and name["autocomplete"] == "name"


PUBLIC_FORMS = [
    "/it/mailing-list/",
    "/it/mailing-list/cancellazione/",
    "/it/cerca/?q=piano",
]


def test_every_public_form_is_novalidate_with_marked_required_fields(client):
    event = registration_event()
    topic = make_topic()
    for url in [*PUBLIC_FORMS, event.get_absolute_url(), topic.get_absolute_url()]:
        html = page(client, url)
        forms = re.findall(r"<form\b[^>]*>", html)
        assert forms, url
        for form in forms:
            assert " novalidate" in form, (url, form)
            assert 'action=""' not in form and "action=" in form, (url, form)
        elements = Elements(html)
        for field in elements.find("input", required=""):
            if field.get("type") == "hidden":
                continue
            label = html[html.index(f'for="{field["id"]}"') :].split("</label>")[0]
            assert '<span class="required" aria-hidden="true"> *</span>' in label, (url, field)
        # The asterisk is explained once in each form that has one.
        assert (
            html.count("* campo obbligatorio")
            == len([f for f in forms if 'method="post"' in f and "footer" not in f]) + 1
        ), url


def test_names_emails_and_organisations_say_what_to_autocomplete(client):
    event = registration_event()
    elements = Elements(page(client, event.get_absolute_url()))
    assert elements.find("input", id="id_name")[0]["autocomplete"] == "name"
    assert elements.find("input", id="id_email")[0]["autocomplete"] == "email"
    assert elements.find("input", id="id_organisation")[0]["autocomplete"] == "organization"
    assert elements.find("input", id="footer-subscribe-email")[0]["autocomplete"] == "email"


def test_one_honeypot_partial_in_every_form_that_takes_data(client):
    event = registration_event()
    topic = make_topic()
    for url in [*PUBLIC_FORMS[:2], event.get_absolute_url(), topic.get_absolute_url()]:
        html = page(client, url)
        posts = re.findall(r'<form\b[^>]*method="post"[^>]*>.*?</form>', html, re.S)
        for form in posts:
            assert form.count('<div class="honeypot" aria-hidden="true">') == 1, url
            assert re.search(r'<input type="text" name="website" id="[\w-]+" tabindex="-1"', form)


def test_a_robot_filling_the_footer_honeypot_is_thanked_and_ignored(client):
    from newsletter.models import Subscriber

    response = client.post(
        reverse("newsletter:index"),
        {"email": "bot@example.org", "language": "it", "consent": "on", "website": "x"},
    )
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="bot@example.org").exists()


# --- Every piece of text in the right language --------------------------------------------


def test_italian_fallbacks_are_marked_in_breadcrumb_menu_cards_and_contents(client):
    plan = make_plan(number=7, title_it="Piano Sette", title_en="Strategic Plan 7")
    parent = make_page(plan=plan, title_it="Solo italiano", title_en="", slug_en="")
    page_ = make_page(
        parent=parent,
        title_it="Pagina italiana",
        title_en="",
        slug_en="",
        body_en="",
        body_it="<h2>Primo capitolo</h2><p>Uno.</p><h2>Secondo capitolo</h2><p>Due.</p>",
    )
    make_page(parent=page_, title_it="Figlia italiana", title_en="", slug_en="")
    make_page(parent=page_, title_it="Figlia", title_en="Translated child")
    with translation.override("en"):
        url = page_.get_absolute_url()
    elements = Elements(page(client, url))
    for text in ["Solo italiano", "Pagina italiana", "Figlia italiana", "Primo capitolo"]:
        assert elements.lang_of(text) == "it", text
    for text in ["Strategic Plan 7", "Translated child", "In this section"]:
        assert elements.lang_of(text) == "en", text
    # Each Italian text is marked wherever it appears: breadcrumb, side menu, cards, contents.
    html = page(client, url)
    assert html.count('lang="it">Solo italiano</a>') == 2  # breadcrumb and side menu
    assert html.count('lang="it">Figlia italiana</a>') == 2  # side menu and child card
    assert re.search(r'<ul lang="it"><li class="toc__level-2"><a href="#primo-capitolo">', html)


def test_nothing_is_marked_on_italian_pages_where_nothing_falls_back(client):
    page_ = make_page()
    html = page(client, page_.get_absolute_url())
    assert ' lang="it"' not in html.split("<body>", 1)[1]


def test_headlines_in_another_language_are_marked_on_home_and_clipping_pages(client):
    clipping = make_clipping(headline="Torino guarda lontano", language="it")
    html = page(client, "/en/")
    assert 'lang="it">Torino guarda lontano</a>' in html
    with translation.override("en"):
        url = clipping.get_absolute_url()
    html = page(client, url)
    assert re.search(r'<li aria-current="page" lang="it">Torino guarda lontano</li>', html)
    english = make_clipping(headline="Turin looks ahead", language="en")
    assert 'lang="en">Turin looks ahead</a>' in page(client, "/it/")
    assert english.language == "en"


def test_no_english_interface_words_on_italian_pages(client):
    event = make_event(start=days_from_now(-400))
    attachment = Attachment(event=event, title_it="Programma")
    attachment.file = SimpleUploadedFile("programma.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
    attachment.save()
    html = page(client, event.get_absolute_url())
    assert ">aiuto</a>" in html and ">help</a>" not in html
    assert re.search(r"\(PDF, \d+ byte\)", html) and " bytes)" not in html
    # The link to the English pages says "english" in English, marked as such.
    assert re.search(r'<a href="/en/[^"]*" hreflang="en" lang="en">english</a>', html)


def test_one_time_format_in_both_languages(client):
    event = make_event(start=days_from_now(10, 17, 30))
    italian = page(client, event.get_absolute_url())
    with translation.override("en"):
        english = page(client, event.get_absolute_url())
    assert "17:30" in italian and "17:30" in english
    assert "p.m." not in english and " pm" not in english


def test_filtered_lists_say_the_filter_in_their_title(client):
    source = make_source(name="La Stampa", slug="la-stampa")
    make_clipping(source=source, date=datetime.date(2006, 6, 1))
    html = page(client, "/it/rassegna-stampa/?year=2006&source=la-stampa")
    assert title_of(html).startswith("Rassegna Stampa: 2006, La Stampa")
    assert '<span class="page-title__filter">: 2006, La Stampa</span>' in html
    assert 'action="/it/rassegna-stampa/"' in html and 'action=""' not in html
    assert title_of(page(client, "/it/rassegna-stampa/")).startswith("Rassegna Stampa ·")


def test_an_empty_year_says_so_once_and_its_arrows_skip_to_years_with_events(client):
    make_event(start=days_from_now(0).replace(year=1994))
    make_event(start=days_from_now(0).replace(year=2005))
    html = page(client, "/it/agenda/1990/")
    assert html.count("Nessun evento") == 1
    elements = Elements(html)
    assert not elements.find("a", rel="prev")
    [following] = elements.find("a", rel="next")
    assert following["href"] == "/it/agenda/1994/"
    elements = Elements(page(client, "/it/agenda/1994/"))
    assert elements.find("a", rel="next")[0]["href"] == "/it/agenda/2005/"
    assert not elements.find("a", rel="prev")


def test_a_plan_without_directions_says_so_in_words(client):
    make_plan(number=1)
    html = page(client, "/it/piano-strategico-1/direzioni/")
    assert "0 direzioni" not in html and "0 direzione" not in html
    assert "non sono ancora pubblicate" in html


def test_a_meeting_page_offers_the_calendar_file(client):
    meeting = make_meeting()
    html = page(client, meeting.get_absolute_url())
    assert f'href="{meeting.ics_url()}" download>Aggiungi al calendario</a>' in html
    assert client.get(meeting.ics_url())["Content-Type"].startswith("text/calendar")


def test_covers_do_not_repeat_the_title_in_their_alt_text(client):
    publication = make_publication(with_files=True, title_it="Verso il Piano", cover_alt_it="")
    html = page(client, "/it/editoria/")
    assert f'src="{publication.cover.url}" alt=""' in html
    assert "Copertina di" not in html


def test_print_hides_forms_and_neighbours_and_keeps_list_items_whole():
    css = (Path(__file__).resolve().parent.parent / "static" / "css" / "print.css").read_text()
    hidden = css.split("{ display: none !important; }")[1]
    for selector in [".registration__form", ".event-neighbours", ".month-nav"]:
        assert selector in hidden
    assert re.search(r"li, [^{]*\{ break-inside: avoid; \}", css)


def test_the_authors_line_is_translated_and_marked_when_it_falls_back(client):
    translated_ = make_publication(
        authors_it="a cura di Mario Rossi", authors_en="edited by Mario Rossi"
    )
    italian_only = make_publication(authors_it="a cura di Anna Bianchi", authors_en="")
    html = page(client, "/en/publications/")
    assert "edited by Mario Rossi" in html and "a cura di Mario Rossi" not in html
    assert '<span lang="it">a cura di Anna Bianchi</span>' in html
    assert "a cura di" in page(client, "/it/editoria/")
    assert translated_.authors_it and italian_only.authors_it


def test_the_search_forms_use_the_field_partial(client):
    elements = Elements(page(client, "/it/cerca/?q=piano"))
    [field] = elements.find("input", id="search-q")
    assert field["type"] == "search" and field["value"] == "piano"
    assert field["aria-describedby"] == "search-q_helptext"
    assert elements.find("span", id="search-q_helptext")
    assert elements.find("label", **{"for": "search-q"})
    [header] = elements.find("input", id="site-search-q")
    assert header["placeholder"] == "Cerca" and header["value"] == "piano"
    assert elements.find("label", **{"for": "site-search-q", "class": "visually-hidden"})


def test_untranslated_names_in_lists_and_menus_are_marked(client):
    from tests.factories_commissions import make_commission

    commission = make_commission(name_it="Qualità sociale", name_en="", summary_en="")
    make_commission(name_it="Conoscenza", name_en="Knowledge")
    html = page(client, "/en/commissions/")
    elements = Elements(html)
    assert elements.lang_of("Qualità sociale") == "it"
    assert elements.lang_of("Knowledge") == "en"
    assert elements.lang_of("Sintesi.") == "it"  # the summary falls back too
    assert 'lang="it">Qualità sociale</a>' in html
    assert commission.name_it
