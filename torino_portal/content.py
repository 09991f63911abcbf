"""The site pages with a fixed address (home introduction, help, contacts, privacy…), from
`content/site/<key>/`: `page.toml` with the titles and summaries, `it.html` and `en.html`."""

from .loading import read_prose, read_toml, translated
from .models import SitePage
from .publishing import Status


def load(loader):
    for folder in sorted((loader.root / "site").iterdir()):
        if not (folder / "page.toml").exists():
            continue
        record = read_toml(folder / "page.toml")
        if record["key"] not in SitePage.Key.values:
            continue  # a page whose address the code does not have yet
        loader.add(
            SitePage,
            {"key": record["key"]},
            {
                "status": Status.PUBLISHED,
                **translated(record, "title", "summary"),
                **read_prose(folder, "body"),
            },
        )
