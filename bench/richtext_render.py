"""What sanitising rich text again at render time costs (torino_portal.richtext.render_html).

    .venv/bin/python bench/richtext_render.py [repeats=2000]

Times `render_html` — nh3 with the editor's allowlist, then styles turned into classes —
on the largest real page bodies in content/ and on synthetic bodies of 2, 10 and 50 KB with
headings, lists, a table and resized images. Prints microseconds per page body.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torino_portal.settings")

import django  # noqa: E402

django.setup()

from torino_portal.richtext import render_html, sanitize_html  # noqa: E402

BLOCK = (
    "<h2>Le linee strategiche</h2><p>Il <strong>Piano</strong> indica <em>obiettivi</em> e "
    '<a href="https://www.torinointernazionale.org/">azioni</a> per l\'area metropolitana.</p>'
    "<ul><li>Integrare l'area metropolitana</li><li>Sviluppare formazione e ricerca</li></ul>"
    '<figure class="image image_resized image-style-align-right" style="width:40%;">'
    '<img src="/media/editor/2026/grafico.png" alt="Grafico" width="800" height="600" '
    'style="aspect-ratio:800/600;"><figcaption>Didascalia</figcaption></figure>'
    '<figure class="table"><table><tbody><tr><th>Anno</th><td>2006</td></tr>'
    "<tr><th>Commissioni</th><td>4</td></tr></tbody></table></figure>"
)


def bodies():
    real = sorted(ROOT.glob("content/**/*.html"), key=lambda p: p.stat().st_size)[-3:]
    for path in real:
        yield f"{path.relative_to(ROOT)}", path.read_text(encoding="utf-8")
    for kilobytes in (2, 10, 50):
        text = BLOCK * max(1, kilobytes * 1024 // len(BLOCK))
        yield f"synthetic {kilobytes} KB", text


def main(repeats):
    print(f"{'body':<70} {'size':>8} {'render µs':>10} {'save µs':>9}")
    for name, html in bodies():
        stored = sanitize_html(html)
        for function, value in ((render_html, stored), (sanitize_html, html)):
            function(value)  # warm up
        started = time.perf_counter()
        for _ in range(repeats):
            render_html(stored)
        render = (time.perf_counter() - started) / repeats * 1e6
        started = time.perf_counter()
        for _ in range(repeats // 4 or 1):
            sanitize_html(html)
        save = (time.perf_counter() - started) / (repeats // 4 or 1) * 1e6
        print(f"{name:<70} {len(html.encode()):>7}B {render:>10.0f} {save:>9.0f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
