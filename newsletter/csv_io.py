"""Subscribers in and out of the admin as CSV.

Import decision: an imported address is stored as *pending*, with no consent on record
(`consent_at` empty, a "imported" entry in its trail). It receives no newsletter until the
person confirms through a confirmation request (the admin action "send the confirmation
request"), and pressing "confirm" under the privacy notice is what records the consent.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import transaction
from django.utils.translation import gettext as _

from torino_portal import csv as portal_csv

from .models import ConsentRecord, Interest, Subscriber, email_hash, normalize_email

COLUMNS = [
    "email",
    "language",
    "interests",
    "status",
    "source",
    "created_at",
    "consent_at",
    "consent_version",
    "confirmed_at",
    "unsubscribed_at",
]
MAX_ROWS = 50_000
MAX_BYTES = 10 * 1024 * 1024
LANGUAGES = {"it", "en"}


def _rows(queryset):
    rows = queryset.order_by("pk").prefetch_related("interests")
    for subscriber in rows.iterator(chunk_size=1000):
        values = {name: getattr(subscriber, name) for name in COLUMNS if name != "interests"}
        values["interests"] = ";".join(i.key for i in subscriber.interests.all())
        yield [values[name] for name in COLUMNS]


def export_response(queryset):
    """A streamed CSV (memory does not grow with the list); torino_portal.csv quotes cells
    that a spreadsheet would run as formulas."""
    return portal_csv.download(COLUMNS, _rows(queryset), "subscribers", stream=True)


@dataclass
class ImportReport:
    created: int = 0
    problems: list = field(default_factory=list)  # (line, value, reason)

    def bad(self, line, value, reason):
        self.problems.append((line, value[:100], reason))


def import_subscribers(upload):
    """Validate every row; create the good ones as pending, in one transaction."""
    report = ImportReport()
    if upload.size > MAX_BYTES:
        report.bad(0, upload.name, _("The file is larger than 10 MB."))
        return report
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        report.bad(0, upload.name, _("The file is not UTF-8 text."))
        return report
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "email" not in [(f or "").strip() for f in reader.fieldnames]:
        report.bad(1, ",".join(reader.fieldnames or []), _("The header row has no “email” column."))
        return report
    interests = {i.key: i for i in Interest.objects.all()}
    validate = EmailValidator()
    wanted, seen = [], {}
    try:
        for number, row in enumerate(reader, start=2):
            if number > MAX_ROWS:
                report.bad(number, "", _("Too many rows: import at most 50,000 at a time."))
                break
            row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
            raw = row.get("email", "")
            address = normalize_email(raw)
            if not address:
                report.bad(number, raw, _("The e-mail address is missing."))
                continue
            if len(address) > 254:
                report.bad(number, raw, _("The address is longer than 254 characters."))
                continue
            try:
                validate(address)
            except ValidationError:
                report.bad(number, raw, _("Not a valid e-mail address."))
                continue
            language = (row.get("language") or "it").lower()
            if language not in LANGUAGES:
                report.bad(
                    number,
                    raw,
                    _("Unknown language “%(value)s” (it or en).") % {"value": language[:20]},
                )
                continue
            keys = [k.strip() for k in (row.get("interests") or "").split(";") if k.strip()]
            unknown = [k for k in keys if k not in interests]
            if unknown:
                report.bad(
                    number, raw, _("Unknown interest “%(value)s”.") % {"value": unknown[0][:40]}
                )
                continue
            digest = email_hash(address)
            if digest in seen:
                report.bad(
                    number,
                    raw,
                    _("Already in this file, on line %(line)d.") % {"line": seen[digest]},
                )
                continue
            seen[digest] = number
            wanted.append((number, raw, address, digest, language, keys))
    except csv.Error as error:
        report.bad(0, "", _("The file is not valid CSV: %(error)s") % {"error": error})
        return report

    existing = {}
    digests = [item[3] for item in wanted]
    for start in range(0, len(digests), 500):
        existing.update(
            Subscriber.objects.filter(email_hash__in=digests[start : start + 500]).values_list(
                "email_hash", "status"
            )
        )
    with transaction.atomic():
        for number, raw, address, digest, language, keys in wanted:
            status = existing.get(digest)
            if status in (Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.ERASED):
                report.bad(
                    number,
                    raw,
                    _("This address left the list: only its owner can subscribe again."),
                )
                continue
            if status:
                report.bad(number, raw, _("Already on the list: not imported twice."))
                continue
            subscriber = Subscriber.objects.create(
                email=address,
                language=language,
                status=Subscriber.Status.PENDING,
                source=Subscriber.Source.IMPORT,
            )
            if keys:
                subscriber.interests.set([interests[k] for k in keys])
            ConsentRecord.objects.create(
                subscriber=subscriber,
                action=ConsentRecord.Action.IMPORTED,
                how="CSV import by staff",
            )
            report.created += 1
    return report
