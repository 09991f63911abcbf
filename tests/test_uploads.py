"""Files are what they say: every file field and the editor upload, against what an attacker
sends (HTML renamed .pdf, HTML after a GIF/PDF/PNG header, SVG with a script, `../` names,
oversized files); names are unguessable; /media/ is served with download headers."""

import io
import re
import struct
import wave
import zipfile

import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from commissions.models import Document
from events.models import Attachment, Event
from press.models import Clipping, Issue, Publication
from tests.factories_press import pdf_bytes, png_bytes
from torino_portal import files

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"


def image_bytes(kind):
    buffer = io.BytesIO()
    Image.new("RGB", (12, 9), "#0b4f7a").save(buffer, kind)
    return buffer.getvalue()


def wav_bytes():
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(b"\x80" * 800)
    return buffer.getvalue()


def mp3_bytes(frames=5):
    """MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) of silence, after an ID3 tag."""
    frame = b"\xff\xfb\x90\x64" + b"\x00" * 413  # 144 * 128000 / 44100 = 417 bytes
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + frame * frames


def ogg_bytes(pages=3):
    out = b""
    for number in range(pages):
        body = b"\x01vorbis" + bytes(50)
        header = b"OggS\x00" + (b"\x02" if number == 0 else b"\x00") + bytes(8)
        header += struct.pack("<IIIB", 1, number, 0, 1) + bytes([len(body)])
        out += header + body
    return out


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


ATTACKS = {
    "html renamed": HTML,
    "html after a gif header": b"GIF89a" + HTML,
    "html after a pdf header": b"%PDF-1.4\n" + HTML + b"\n%%EOF\n",
    "html after a real pdf": pdf_bytes() + HTML,
    "html after a real png": png_bytes() + HTML,
    "svg with a script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "pdf without its end": b"%PDF-1.4\n1 0 obj<<>>endobj\n" + b"x" * 2000,
    "png cut short": png_bytes()[:40],
    "wav with a tail": wav_bytes() + HTML,
}

# Every file field of the portal: the model, the field, a name and a content it accepts.
FIELDS = [
    (Publication, "pdf", "volume.pdf", pdf_bytes, "pdf"),
    (Publication, "cover", "cover.png", png_bytes, "png"),
    (Issue, "pdf", "tamtam.pdf", pdf_bytes, "pdf"),
    (Issue, "cover", "cover.jpg", lambda: image_bytes("JPEG"), "jpg"),
    (Clipping, "scan", "scan.webp", lambda: image_bytes("WEBP"), "webp"),
    (Event, "image", "photo.png", png_bytes, "png"),
    (Attachment, "file", "recording.wav", wav_bytes, "wav"),
    (Document, "file", "minutes.docx", docx_bytes, "docx"),
]
FIELD_IDS = [f"{model.__name__}.{field}" for model, field, *_ in FIELDS]


def _media_files(settings):
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.mark.parametrize("model, field, name, make, ext", FIELDS, ids=FIELD_IDS)
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_every_file_field_refuses_every_attack_on_every_path(
    settings, model, field, name, make, ext, attack
):
    content = ATTACKS[attack]
    instance = model()
    # The admin's path: the model's validation.
    setattr(instance, field, SimpleUploadedFile(name.replace(ext, "pdf"), content))
    with pytest.raises(ValidationError):
        instance.full_clean(exclude=[f.name for f in model._meta.fields if f.name != field])
    # Any other path that stores a file (imports, scripts, the demo loader).
    with pytest.raises(ValidationError):
        getattr(model(), field).save(name, ContentFile(content), save=False)
    assert _media_files(settings) == []


@pytest.mark.parametrize("model, field, name, make, ext", FIELDS, ids=FIELD_IDS)
def test_the_stored_extension_is_the_contents_and_the_name_unguessable(
    settings, model, field, name, make, ext
):
    instance = model()
    stored = getattr(instance, field)
    stored.save("notes.html", ContentFile(make()), save=False)
    assert re.fullmatch(rf"[a-z/]+/\d{{4}}/[\w-]{{16}}-notes\.{ext}", stored.name), stored.name
    again = model()
    getattr(again, field).save("notes.html", ContentFile(make()), save=False)
    assert getattr(again, field).name != stored.name  # same upload, another random name
    assert not any(
        path.suffix in {".html", ".svg", ".xml", ".js"} for path in _media_files(settings)
    )


@pytest.mark.parametrize(
    "content",
    [mp3_bytes(), ogg_bytes(), pdf_bytes(), docx_bytes(), wav_bytes()],
    ids=["mp3", "ogg", "pdf", "docx", "wav"],
)
def test_documents_and_recordings_accepted_by_content(content):
    check = files.FileCheck(files.DOCUMENTS | files.AUDIO, max_mb=1)
    assert check.identify(ContentFile(content, name="x.bin")).mime in check.allowed


def test_audio_must_be_audio_to_the_end():
    check = files.FileCheck(files.AUDIO, max_mb=1)
    for broken in (mp3_bytes(1)[:300], ogg_bytes() + b"\x00" * 10, b"OggS" + HTML):
        with pytest.raises(ValidationError):
            check.identify(ContentFile(broken, name="x.ogg"))


def test_names_with_folders_and_oversized_files_are_refused_in_italian():
    check = files.FileCheck(files.PDF, max_mb=1)
    with pytest.raises(ValidationError) as error:
        check.identify(ContentFile(pdf_bytes(), name="../../settings.pdf"))
    assert "Il nome del file non può contenere cartelle" in error.value.messages[0]
    with pytest.raises(ValidationError) as error:
        check.identify(ContentFile(pdf_bytes() + b"\n" * (1024 * 1024), name="big.pdf"))
    assert "il limite è 1,0\xa0MB" in error.value.messages[0]


def test_formats_are_named_as_people_know_them():
    check = files.FileCheck(files.DOCUMENTS, max_mb=1)
    with pytest.raises(ValidationError) as error:
        check.identify(ContentFile(b"GIF89a" + HTML, name="x.doc"))
    message = error.value.messages[0]
    assert "documento PDF" in message and "documento Word" in message
    assert "application/" not in message


# --- Through the admin -----------------------------------------------------------------


def _publication_form(**files_):
    return {
        "title_it": "Volume",
        "title_en": "",
        "slug_it": "volume",
        "slug_en": "",
        "year": "2006",
        "description_it": "",
        "description_en": "",
        "cover_alt_it": "",
        "cover_alt_en": "",
        "status": "published",
        "published_at_0": "2007-01-01",
        "published_at_1": "09:00:00",
        **files_,
    }


@pytest.mark.parametrize(
    "upload, message",
    [
        (("notes.pdf", HTML), "non è di un tipo accettato (documento PDF)"),
        (("notes.pdf", b"%PDF-1.4\n" + HTML + b"\n%%EOF\n"), "codice di pagina web"),
        (("notes.pdf", b"%PDF-1.4\n" + b"x" * 500), "non è valido come documento PDF"),
    ],
    ids=["html", "html after pdf header", "no pdf trailer"],
)
def test_admin_shows_a_clear_italian_error(admin_client, settings, upload, message):
    name, content = upload
    response = admin_client.post(
        "/admin/press/publication/add/",
        _publication_form(pdf=SimpleUploadedFile(name, content, "application/pdf")),
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Publication.objects.exists() and _media_files(settings) == []


def test_admin_stores_a_path_name_under_its_folder(admin_client, settings):
    response = admin_client.post(
        "/admin/press/publication/add/",
        _publication_form(pdf=SimpleUploadedFile("../../../etc/evil.html", pdf_bytes())),
    )
    assert response.status_code == 302
    name = Publication.objects.get().pdf.name
    assert name.startswith("publications/") and ".." not in name and name.endswith("-evil.pdf")


# --- The editor's image upload ---------------------------------------------------------


def _staff(*permissions):
    user = User.objects.create_user("redattore", password="x", is_staff=True)
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_editor_upload_needs_a_permission_on_rich_text_not_just_staff(client, settings):
    client.force_login(_staff("view_page"))
    upload = SimpleUploadedFile("a.png", png_bytes(), "image/png")
    response = client.post("/admin/editor-upload/", {"upload": upload})
    assert response.status_code == 403
    assert "non può aggiungere né modificare" in response.json()["error"]["message"]
    assert _media_files(settings) == []


@pytest.mark.parametrize("codename", ["change_page", "add_newsletter", "change_event"])
def test_editor_upload_for_who_may_write_rich_text(client, codename):
    client.force_login(_staff(codename))
    upload = SimpleUploadedFile("Foto.PNG", png_bytes(), "image/png")
    response = client.post("/admin/editor-upload/", {"upload": upload})
    assert response.status_code == 200
    assert re.fullmatch(r"/media/editor/\d{4}/[\w-]{16}-foto\.png", response.json()["url"])


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_editor_upload_refuses_every_attack(admin_client, settings, attack):
    upload = SimpleUploadedFile("photo.png", ATTACKS[attack], "image/png")
    response = admin_client.post("/admin/editor-upload/", {"upload": upload})
    assert response.status_code == 400
    assert response.json()["error"]["message"]
    assert _media_files(settings) == []


def test_editor_upload_refuses_gif_now(admin_client):
    upload = SimpleUploadedFile("a.gif", image_bytes("GIF"), "image/gif")
    response = admin_client.post("/admin/editor-upload/", {"upload": upload})
    assert response.status_code == 400
    assert "immagine JPEG, immagine PNG, immagine WebP" in response.json()["error"]["message"]


# --- Serving /media/ -------------------------------------------------------------------


@pytest.fixture
def served(settings):
    settings.SERVE_MEDIA = True


def _store(model, field, name, content):
    stored = getattr(model(), field)
    stored.save(name, ContentFile(content), save=False)
    return stored


def test_documents_are_downloads_never_sniffed(client, served):
    pdf = _store(Publication, "pdf", "volume.pdf", pdf_bytes())
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_images_are_shown_inline_never_sniffed(client, served):
    cover = _store(Publication, "cover", "cover.png", png_bytes())
    response = client.get(cover.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_media_is_not_served_by_the_portal_unless_told(client, settings):
    settings.SERVE_MEDIA = False
    cover = _store(Publication, "cover", "cover.png", png_bytes())
    assert client.get(cover.url).status_code == 404


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/media/../manage.py", 400),  # a way out of the folder is a bad request
        ("/media/%2e%2e/manage.py", 400),
        ("/media//etc/passwd", 404),  # a name that is not in the folder is not found
    ],
)
def test_media_stays_in_its_folder(client, served, path, status):
    assert client.get(path).status_code == status
