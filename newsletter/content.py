"""The mailing list's interests (the sections and the five commissions) from
`content/newsletter/interests.toml`, and the invented newsletter of
`content/demo/newsletter.toml` in the archive."""

from torino_portal.loading import moment, read_toml, translated
from torino_portal.publishing import Status

from .models import Interest, Newsletter


def load(loader):
    for record in read_toml(loader.root / "newsletter" / "interests.toml")["interest"]:
        loader.add(
            Interest,
            {"key": record["key"]},
            {"order": record["order"], **translated(record, "name")},
        )


def load_demo(loader):
    for record in read_toml(loader.root / "demo" / "newsletter.toml")["newsletter"]:
        loader.add(
            Newsletter,
            {"published_at": moment(record["published_at"])},
            {
                **translated(record, "subject"),
                "status": Status.PUBLISHED,
                **translated(record, "body"),
            },
        )
