"""Translated slugs: one per language, never empty, unique wherever an address needs it.

Public addresses are looked up by the active language's slug column (modeltranslation does
not fall back in queries), so every language gets a slug; the database holds each language's
slug unique in the scope its address gives it (a page among its siblings, an event on its
day, a publication among all publications), so no lookup can ever find two rows.

A slug left empty is made from the title, with `-2`, `-3`… when the scope already has it, so
two items with the same title both get an address. A slug an editor typed is kept as typed:
when it is taken, the constraint's message is a form error on that slug's field.
"""

import zoneinfo

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models.functions import TruncDate
from django.utils.text import slugify

from .i18n import LANGUAGE_CODES

# The default language first: the others fall back to its slug.
SLUG_LANGUAGES = sorted(
    LANGUAGE_CODES, key=lambda code: code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
)


def _taken_code(code):
    return f"slug_{code}_taken"


class LocalDate(TruncDate):
    """The day of a moment in the portal's time zone, as event addresses count days.

    The zone is fixed to `settings.TIME_ZONE` rather than the active one, so a constraint
    built on it means the same in every request and in the migration that creates it.
    """

    def __init__(self, expression, **extra):
        super().__init__(expression, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE), **extra)


def translated_slug_constraints(prefix, *scope, message, condition=None):
    """One `UniqueConstraint` per language on (*scope, slug_<code>).

    `scope` holds field names or expressions (e.g. `LocalDate("start")`); `message` is what
    an editor reads when a typed slug is taken.
    """
    constraints = []
    for code in LANGUAGE_CODES:
        slug = f"slug_{code}"
        options = {
            "name": f"{prefix}_unique_slug_{code}",
            "condition": condition,
            "violation_error_message": message,
            "violation_error_code": _taken_code(code),
        }
        if all(isinstance(part, str) for part in scope):
            constraints.append(models.UniqueConstraint(fields=[*scope, slug], **options))
        else:
            parts = [models.F(part) if isinstance(part, str) else part for part in scope]
            constraints.append(models.UniqueConstraint(*parts, models.F(slug), **options))
    return constraints


def free_slug(taken, base, max_length, reserved=()):
    """`base`, or `base-2`, `base-3`… : the first that `taken(candidate)` says is free."""
    candidate, number = base, 1
    while candidate in reserved or taken(candidate):
        number += 1
        tail = f"-{number}"
        candidate = f"{base[: max_length - len(tail)].rstrip('-')}{tail}"
    return candidate


class TranslatedSlugMixin:
    """Fills the empty translated slugs of a model and reports taken ones on their field.

    The model declares `slug` as a translated field, its constraints with
    `translated_slug_constraints`, and overrides `slug_scope()` when the slug is unique
    among fewer rows than the whole table.
    """

    slug_source = "title"
    reserved_slugs = frozenset()

    def slug_scope(self):
        """The rows whose slugs this one's must differ from (its constraints' scope)."""
        return type(self)._default_manager.all()

    def fill_slugs(self):
        """Give every empty slug its title's slug (else the default language's), made free."""
        others = None
        fallback = ""
        for code in SLUG_LANGUAGES:
            name = f"slug_{code}"
            slug = base = getattr(self, name)
            if not slug:
                if others is None:
                    others = self.slug_scope()
                    if self.pk is not None:
                        others = others.exclude(pk=self.pk)
                max_length = self._meta.get_field(name).max_length
                title = getattr(self, f"{self.slug_source}_{code}") or ""
                base = (
                    slugify(title)[:max_length].strip("-")
                    or fallback
                    or slugify(self._meta.model_name)
                )
                slug = free_slug(
                    lambda candidate, rows=others, name=name: rows.filter(
                        **{name: candidate}
                    ).exists(),
                    base,
                    max_length,
                    self.reserved_slugs,
                )
                setattr(self, name, slug)
                self._automatic_slugs = {*getattr(self, "_automatic_slugs", ()), name}
            # The others start from the title's slug, not from its `-2`: each is made free
            # in its own column.
            fallback = fallback or base

    def clean(self):
        super().clean()
        self.fill_slugs()

    def save(self, *args, **kwargs):
        self.fill_slugs()
        automatic = getattr(self, "_automatic_slugs", set())
        if not automatic:
            super().save(*args, **kwargs)
            return
        try:
            with transaction.atomic(using=kwargs.get("using")):
                super().save(*args, **kwargs)
        except IntegrityError as error:
            # Another row took the same slug between the check and this insert (two editors
            # saving the same title at once): the next free number, rather than a 500.
            message = str(error)
            if "unique_slug_" not in message and not any(f".{n}" in message for n in automatic):
                raise
            for name in automatic:
                setattr(self, name, "")
            self._automatic_slugs = set()
            self.fill_slugs()
            super().save(*args, **kwargs)
        self._automatic_slugs = set()

    def validate_constraints(self, exclude=None):
        """A taken slug is an error on that slug's field, where the editor typed it."""
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            fields = {_taken_code(code): f"slug_{code}" for code in LANGUAGE_CODES}
            errors = error.update_error_dict({})
            general = []
            for item in errors.pop(NON_FIELD_ERRORS, []):
                field = fields.get(item.code)
                (errors.setdefault(field, []) if field else general).append(item)
            if general:
                errors[NON_FIELD_ERRORS] = general
            raise ValidationError(errors) from None


def deduplicate_slugs(model, scope_of, languages=LANGUAGE_CODES):
    """Give `-2`, `-3`… to every row whose slug another row of its scope already has.

    For data migrations that add the constraints: `model` may be a historical model,
    `scope_of(row)` gives the hashable scope of a row (a dict of its values); the row with
    the lowest pk keeps its slug, so existing addresses keep working for the first of them.
    Returns how many slugs were changed.
    """
    changed = 0
    pk = model._meta.pk.attname
    for code in languages:
        name = f"slug_{code}"
        max_length = model._meta.get_field(name).max_length
        rows = list(model._base_manager.order_by("pk").values())
        taken = {(scope_of(row), row[name]) for row in rows}
        seen = set()
        for row in rows:
            key = (scope_of(row), row[name])
            if row[name] is None or key not in seen:  # NULLs never clash
                seen.add(key)
                continue
            base = row[name] or model._meta.model_name
            slug = free_slug(lambda c, s=key[0], t=taken: (s, c) in t, base, max_length)
            taken.add((key[0], slug))
            seen.add((key[0], slug))
            values = {name: slug}
            if code == settings.MODELTRANSLATION_DEFAULT_LANGUAGE and "slug" in row:
                values["slug"] = slug  # modeltranslation's copy of the default language
            model._base_manager.filter(pk=row[pk]).update(**values)
            changed += 1
    return changed
