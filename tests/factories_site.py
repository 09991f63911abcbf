"""A small site with one item of every public page type, with images, audio and documents,
for the header tests and the Content-Security-Policy checks in Chromium."""

import io
import wave

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation

from tests.factories import make_page, make_plan, make_site_page
from tests.factories_commissions import make_commission, make_document, make_meeting
from tests.factories_events import make_event
from tests.factories_press import make_clipping, make_issue, make_publication, pdf_bytes, png_bytes
from torino_portal.files import UploadTo

RICH_BODY = (
    "<h2>Le immagini</h2>"
    '<figure class="image image_resized image-style-align-right" style="width:40%;">'
    '<img src="{src}" alt="Grafico" width="40" height="56" style="aspect-ratio:40/56;">'
    "<figcaption>Didascalia</figcaption></figure>"
    '<p style="text-align:center;">Centrato</p>'
    '<figure class="table"><table><tbody><tr><th>Anno</th><td>2006</td></tr></tbody></table>'
    "</figure>"
)


def wav_bytes():
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(b"\x80" * 800)
    return buffer.getvalue()


def build_site():
    """Objects of every public page type; returns {page type: object or URL name}."""
    plan = make_plan(number=2)
    page = make_page(plan=plan)
    # An image as the editor's upload stores it, shown in rich text with the editor's styles.
    stored = default_storage.save(UploadTo("editor")(None, "grafico.png"), ContentFile(png_bytes()))
    src = default_storage.url(stored)
    page.body_it = page.body_en = RICH_BODY.format(src=src)
    page.save()
    make_site_page("home", body_it=RICH_BODY.format(src=src), body_en="<p>Welcome.</p>")
    commission = make_commission(plan=plan)
    meeting = make_meeting(commission)
    make_document(meeting, name="verbale.pdf", content=pdf_bytes())
    make_document(meeting, name="registrazione.wav", content=wav_bytes())
    event = make_event(description_it=RICH_BODY.format(src=src))
    event.image.save("foto.png", ContentFile(png_bytes()), save=True)
    clipping = make_clipping()
    clipping.scan.save("articolo.png", ContentFile(png_bytes()), save=True)
    make_publication(with_files=True)
    issue = make_issue()
    issue.cover.save("copertina.png", ContentFile(png_bytes()), save=True)
    return {
        "page": page,
        "commission": commission,
        "meeting": meeting,
        "event": event,
        "clipping": clipping,
    }


def public_urls(site, language):
    """[(page type, address)] of every public page type in `language`, and a 404."""
    with translation.override(language):
        return [
            ("home", reverse("home")),
            ("plan", site["page"].plan.get_absolute_url()),
            ("plan page", site["page"].get_absolute_url()),
            ("commission", site["commission"].get_absolute_url()),
            ("meeting", site["meeting"].get_absolute_url()),
            ("agenda", reverse("events:index")),
            ("event", site["event"].get_absolute_url()),
            ("press review", reverse("press:index")),
            ("clipping", site["clipping"].get_absolute_url()),
            ("publications", reverse("publications:index")),
            ("tamtam", reverse("tamtam:index")),
            ("mailing list", reverse("newsletter:index")),
            ("search", reverse("search") + "?q=piano"),
            ("404", f"/{language}/nessuna-pagina-qui/"),
        ]
