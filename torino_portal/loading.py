"""The small library behind `load_content` and `load_demo`: read the files under `content/`
and add to the database what it does not have yet.

Every item is looked up by a stable key (a plan's number, a page's Italian slug under its
parent, a clipping's source, date and slug…). An item that is there is left as it is,
whatever an editor did to it (a new title, a draft status, other tags); only missing items
are created, so `make run` can run every day. Records are TOML (`tomllib`) with one column
per language (`title_it`, `title_en`); prose is one HTML file per language (`it.html`,
`en.html`) in a folder. Dates the demo needs near today are counted from today and moved
to the next working day.
"""

import datetime
import tomllib
from collections import Counter
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

LANGUAGES = ("it", "en")


def content_dir():
    return Path(getattr(settings, "CONTENT_DIR", Path(settings.BASE_DIR) / "content"))


def app_loaders(name):
    """Each app's `content.<name>` function (`load` or `load_demo`), in INSTALLED_APPS order:
    plans before commissions, events before commissions, commissions before press."""
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "content"):
            function = getattr(import_module(f"{config.name}.content"), name, None)
            if function is not None:
                yield config.label, function


def read_toml(path):
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def read_prose(folder, field):
    """`{field}_it` and `{field}_en` from the folder's `it.html` and `en.html` ('' if absent)."""
    values = {}
    for code in LANGUAGES:
        path = Path(folder) / f"{code}.html"
        values[f"{field}_{code}"] = (
            path.read_text(encoding="utf-8").strip() if path.exists() else ""
        )
    return values


def translated(record, *fields):
    """Both language columns of each field, '' where the record has none."""
    return {
        f"{field}_{code}": record.get(f"{field}_{code}", "")
        for field in fields
        for code in LANGUAGES
    }


def moment(value):
    """An aware datetime from "YYYY-MM-DD HH:MM", a TOML datetime or a date (at 9:00)."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    elif not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(9, 0))
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def at(day, hhmm):
    """The aware datetime of `day` at "HH:MM" in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm)))


# Fixed public holidays in Italy (month, day), and the weeks nobody holds a conference.
HOLIDAYS = {(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26)}
CLOSED = [((12, 20), (12, 31)), ((1, 1), (1, 6)), ((8, 5), (8, 25))]


def is_working_day(day):
    if day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        return False
    return not any(start <= (day.month, day.day) <= end for start, end in CLOSED)


def working_day(day, length=1):
    """`day`, or the first day after it that starts `length` working days in a row."""
    span = [datetime.timedelta(days=n) for n in range(length)]
    while not all(is_working_day(day + offset) for offset in span):
        day += datetime.timedelta(days=1)
    return day


def days_from_today(days, length=1, today=None):
    """The first day at least `days` days from today that starts `length` working days."""
    return working_day((today or timezone.localdate()) + datetime.timedelta(days=days), length)


class Loader:
    """Adds what is missing, keyed on stable fields, and counts what it did.

    With `demo=True` every row it creates carries the demo mark (`is_demo`), which the admin
    shows and `load_demo --remove` deletes by.
    """

    def __init__(self, *, demo=False, root=None):
        self.demo = demo
        self.root = Path(root) if root else content_dir()
        self.created = Counter()

    def add(self, model, key, values=None, *, many=None, files=None):
        """The row of `model` matching `key`, created with `values` when there is none.

        `many` ({name: objects}) sets many-to-many relations and `files` ({field: (name,
        make)}) saves `make()` into a file field, both only on the row this call creates. A
        file that an existing row names but storage lost is made again.
        Returns (row, created).
        """
        row = model._default_manager.filter(**key).first()
        if row is not None:
            self._restore_lost_files(row, files or {})
            if not self.demo and getattr(row, "is_demo", False):
                # Loaded by the old demo loader as invented: it is the site's own content, and
                # `load_demo --remove` must keep it. Only the mark changes.
                model._default_manager.filter(pk=row.pk).update(is_demo=False)
            return row, False
        row = model(**key, **(values or {}))
        if self.demo and any(field.name == "is_demo" for field in model._meta.fields):
            row.is_demo = True
        for field, (name, make) in (files or {}).items():
            getattr(row, field).save(name, ContentFile(make()), save=False)
        row.save()
        for name, objects in (many or {}).items():
            getattr(row, name).set(objects)
        self.created[model] += 1
        return row, True

    @staticmethod
    def _restore_lost_files(row, files):
        # Only a file the row still names: a field an editor emptied stays empty.
        for field, (_name, make) in files.items():
            current = getattr(row, field)
            if current.name and not current.storage.exists(current.name):
                current.storage.save(current.name, ContentFile(make()))

    def report(self):
        """ "3 pages, 12 strategic directions" — or "nothing new"."""
        parts = [f"{n} {model._meta.verbose_name_plural}" for model, n in self.created.items()]
        return ", ".join(parts) or "nothing new"
