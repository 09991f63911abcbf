"""The files the demo content needs, made in code: covers (PNG), documents of a few A4 pages
(PDF), newspaper cuttings (PNG or PDF) and a short recording (WAV).

Pillow draws the text with a TrueType font that has every Italian letter (DejaVu Sans, which
Debian installs with fontconfig, or whatever `fc-match` offers for Italian); Pillow's own
default font has no accented letters. `wave` writes the audio. Nothing here says "demo": the
mark lives in the database (`is_demo`) and the admin shows it.
"""

import functools
import io
import math
import shutil
import struct
import subprocess
import wave
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),  # Fedora, Arch
    Path("/Library/Fonts"),
)
ITALIAN_LETTERS = "àèéìòùÀÈÉÌÒÙ«»’“”–"

# A4 at 150 dots per inch in black and white (CCITT G4 in the PDF): crisp when zoomed,
# about 40 kB a page. Sizes below are in points (1/72 inch).
DPI = 150
A4 = (1240, 1754)
MARGIN = 120
ACCENT = "#7a1d2b"


@functools.cache
def _font_file(bold):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    if shutil.which("fc-match"):
        pattern = "sans:lang=it" + (":bold" if bold else "")
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False
        ).stdout.strip()
        if found:
            return found
    return None


def font(size, bold=False):
    """A TrueType font of `size` pixels; Pillow's default (no accents) only as a last resort."""
    path = _font_file(bold)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def _lines(text, face, width):
    """`text` broken into lines no wider than `width` pixels."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and face.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _remembered(make):
    """The same file for the same arguments, drawn once per process: drawing is most of
    `load_demo`'s time, and the tests load the demo again and again."""
    made = {}

    @functools.wraps(make)
    def remember(*args, **kwargs):
        key = repr((args, sorted(kwargs.items())))
        if key not in made:
            made[key] = make(*args, **kwargs)
        return made[key]

    return remember


def _save(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


@_remembered
def cover(title, subtitle="", colour=ACCENT, kicker="Torino Internazionale"):
    """A 400×560 PNG cover: the publisher, the title and the subtitle on a coloured ground."""
    image = Image.new("RGB", (400, 560), colour)
    draw = ImageDraw.Draw(image)
    draw.text((28, 30), kicker, font=font(20, bold=True), fill="white")
    draw.line((28, 62, 372, 62), fill="white", width=2)
    y = 150
    for line in _lines(title, font(30, bold=True), 344):
        draw.text((28, y), line, font=font(30, bold=True), fill="white")
        y += 40
    y += 16
    for line in _lines(subtitle, font(18), 344):
        draw.text((28, y), line, font=font(18), fill="#f4efe9")
        y += 26
    return _save(image, "PNG")


class _Pages:
    """Text laid out on as many A4 pages as it needs."""

    def __init__(self, footer):
        self.footer, self.pages = footer, []
        self._new_page()

    def _new_page(self):
        self.image = Image.new("L", A4, 255)
        self.draw = ImageDraw.Draw(self.image)
        self.pages.append(self.image)
        self.y = MARGIN

    def text(self, text, size=11, bold=False, gap=7, leading=1.45):
        size, gap = round(size * DPI / 72), round(gap * DPI / 72)
        face = font(size, bold)
        for line in _lines(text, face, A4[0] - 2 * MARGIN):
            if self.y + size * leading > A4[1] - MARGIN - 30:
                self._new_page()
            self.draw.text((MARGIN, self.y), line, font=face, fill=0)
            self.y += int(size * leading)
        self.y += gap

    def rule(self):
        self.draw.line((MARGIN, self.y, A4[0] - MARGIN, self.y), fill=0, width=3)
        self.y += 24

    def pdf(self, title):
        for number, page in enumerate(self.pages, start=1):
            draw = ImageDraw.Draw(page)
            draw.text(
                (MARGIN, A4[1] - MARGIN),
                f"{self.footer} · {number}/{len(self.pages)}",
                font=font(18),
                fill=0,
            )
        first, *rest = (self._bilevel(page) for page in self.pages)
        return _save(first, "PDF", resolution=DPI, save_all=True, append_images=rest, title=title)

    @staticmethod
    def _bilevel(page):
        return page.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)


@_remembered
def document(title, paragraphs, *, subtitle="", facts=(), footer="Torino Internazionale"):
    """An A4 PDF: title, optional subtitle and facts (label, value), then the paragraphs.

    A paragraph starting with "## " is a heading.
    """
    pages = _Pages(footer)
    pages.text("Torino Internazionale", size=10, bold=True, gap=3)
    pages.rule()
    pages.text(title, size=20, bold=True, gap=4, leading=1.25)
    if subtitle:
        pages.text(subtitle, size=13, gap=10)
    for label, value in facts:
        pages.text(f"{label}: {value}", size=10, gap=1)
    pages.y += 30
    for paragraph in paragraphs:
        if paragraph.startswith("## "):
            pages.y += 12
            pages.text(paragraph[3:], size=14, bold=True, gap=4)
        else:
            pages.text(paragraph)
    return pages.pdf(title)


@_remembered
def cutting(source, dateline, headline, paragraphs, *, author="", fmt="PDF"):
    """A newspaper cutting: the masthead, the date and page, the headline, the article."""
    pages = _Pages(source)
    pages.text(source, size=24, bold=True, gap=0, leading=1.2)
    pages.text(dateline, size=9, gap=3)
    pages.rule()
    pages.text(headline, size=20, bold=True, gap=7, leading=1.2)
    if author:
        pages.text(f"di {author}", size=10, gap=10)
    for paragraph in paragraphs:
        pages.text(paragraph, size=12)
    if fmt == "PDF":
        return pages.pdf(headline)
    # As from a photograph of the page: the first page, on newsprint.
    page = pages.pages[0].crop((0, 0, A4[0], min(A4[1], pages.y + MARGIN)))
    page = page.convert("RGB").reduce(2)
    newsprint = Image.new("RGB", page.size, "#f3ecd9")
    return _save(Image.blend(newsprint, page, 0.85), "PNG", optimize=True)


@_remembered
def recording(seconds=3.0, rate=8000):
    """A short mono WAV (a soft three-note chime) for the pages' `<audio>` player."""
    notes = (523.25, 659.25, 783.99)
    total = int(seconds * rate)
    step = total // len(notes)
    frames = bytearray()
    for n in range(total):
        pitch = notes[min(n // step, len(notes) - 1)]
        fade = 1 - (n % step) / step
        frames += struct.pack("<h", int(8000 * fade * math.sin(2 * math.pi * pitch * n / rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(rate)
        sound.writeframes(bytes(frames))
    return buffer.getvalue()


def from_text(title, text, values):
    """A `document()` from one of `content/demo/documents.toml`'s texts, its `{names}` filled
    from `values` (the meeting's or event's date, place, topic…)."""

    def fill(template):
        return template.format_map(values)

    return document(
        title,
        [fill(paragraph) for paragraph in text["paragraphs"]],
        subtitle=fill(text.get("subtitle", "")),
        facts=[(label, fill(value)) for label, value in text.get("facts", {}).items()],
    )


class _Blocks(HTMLParser):
    BLOCKS = {"p", "li", "h2", "h3", "h4", "blockquote"}

    def __init__(self):
        super().__init__()
        self.blocks, self.current, self.tag = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()
            self.tag = tag

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(f"## {text}" if self.tag in {"h2", "h3", "h4"} else text)
        self.current, self.tag = [], None


def paragraphs(html):
    """The text of rich-text HTML as paragraphs, headings marked "## " for `document()`."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks
