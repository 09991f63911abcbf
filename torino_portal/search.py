"""The site search: what each app offers (`SearchSource`s in `<app>/search.py`), the index
that keeps their text in one table (`SearchDocument`), and the query over it.

Every save or delete of a searched model (or of what it belongs to: a plan for its pages, a
commission for its meetings) rewrites that item's rows, in each language, from the *text* of
its fields — markup stripped — so a search never matches `href` or `strong`, and a search page
reads one table in two queries whatever the number of sections. On PostgreSQL the rows carry a
weighted `tsvector` (title A, summary B, body C, the other language's text D) built with
`italian_unaccent` or `english_unaccent` (migration 0004); on SQLite the search is a plain
substring match over the same text, so development and tests still work.
"""

import html
import logging
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import import_module
from operator import attrgetter

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, connections, models, transaction
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Concat
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.module_loading import module_has_submodule
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import SearchDocument, SitePage
from .publishing import Status
from .richtext import RichTextField

logger = logging.getLogger(__name__)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
CONFIGURATIONS = {"it": "italian_unaccent", "en": "english_unaccent"}
BATCH_SIZE = 500
# A section's matches are counted up to this many: beyond, the page says "more than".
COUNT_LIMIT = 100
# How many results a listing counted past COUNT_LIMIT pages through (while pages are full).
PAGE_LIMIT = 1000
# How many of a section's newest rows a count reads before it asks the index of matches.
COUNT_WINDOW = 150
# How many of a section's newest rows tell whether the query is common there.
COUNT_PROBE = 20
# Highlight delimiters that cannot occur in stored text (private-use characters are removed
# by `plain_text`), turned into <mark> after everything else has been escaped.
START, STOP = "\ue000", "\ue001"
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff]")
_SPACES = re.compile(r"\s+")
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr",
    "td", "th", "blockquote", "figure", "figcaption", "section", "pre", "hr", "dt", "dd",
}  # fmt: skip


class _TextExtractor(HTMLParser):
    """The readable text of sanitised rich text: words kept apart where blocks end."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    handle_endtag = handle_startendtag = lambda self, tag, *attrs: self.handle_starttag(tag, ())

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(value, markup=True):
    """Text without tags, entities decoded, control characters dropped, spaces collapsed
    (`markup=False`: a plain field, whose `<` is a character like any other)."""
    if not value:
        return ""
    value = str(value)
    if markup and ("<" in value or "&" in value):
        extractor = _TextExtractor()
        extractor.feed(value)
        extractor.close()
        value = "".join(extractor.parts)
    return _SPACES.sub(" ", _UNSAFE.sub(" ", value)).strip()


def highlighted(text):
    """Escaped text whose only markup is <mark> around the delimited matches."""
    escaped = html.escape(text or "", quote=False)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


@dataclass(frozen=True)
class SearchSource:
    """A searched content type: its fields by weight, its section and what it belongs to.

    `title`, `summary` and `body` name attributes (dotted for related objects, e.g.
    `source.name`); translated ones are read in each language with the Italian fallback.
    `parents` name the foreign keys whose publishing also decides the item's (a page's plan
    and parent page): a parent's save re-indexes its children. `date` is the date shown.
    """

    section: str
    label: str
    model: type
    title: str = "title"
    summary: tuple = ("summary",)
    body: tuple = ()
    parents: tuple = ()
    date: str = "published_at"
    select_related: tuple = ()
    # Filter of the rows that belong to this source (e.g. the site pages minus the home's).
    only: tuple = ()

    def base_queryset(self):
        queryset = self.model._default_manager.filter(*self.only)
        return queryset.select_related(*self.select_related, *self.parents)


def _value(obj, path):
    try:
        value = attrgetter(path)(obj)
    except AttributeError:
        return None
    return value() if callable(value) else value


def _text(obj, path):
    """The text of a field: rich text without its markup, plain fields as they are."""
    head, _dot, name = path.rpartition(".")
    target = _value(obj, head) if head else obj
    try:
        field = target._meta.get_field(name)
    except (AttributeError, FieldDoesNotExist):
        field = None
    return plain_text(_value(obj, path), markup=isinstance(field, RichTextField))


def _is_fallback(obj, path, code):
    """True when a translated field has no text of its own in `code` (so shows Italian)."""
    head, _dot, name = path.rpartition(".")
    target = _value(obj, head) if head else obj
    column = f"{name}_{code}"
    return target is not None and hasattr(target, column) and not getattr(target, column)


def _as_date(value):
    if value is None:
        return None
    if hasattr(value, "tzinfo") and hasattr(value, "date"):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def websearch_terms(query):
    """A websearch query's words and phrases, split into wanted and unwanted (SQLite)."""
    wanted, unwanted = [], []
    for minus, phrase, minus_word, word in re.findall(r'(-?)"([^"]*)"|(-?)(\S+)', query):
        term = (phrase or word).strip().strip('"')
        if not term or term.lower() == "or":
            continue
        (unwanted if (minus or minus_word) else wanted).append(term)
    return wanted, unwanted


def _snippet(text, terms, width=110):
    """SQLite's excerpt: the text around the first match, the matches delimited."""
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms]
    positions = [p for p in positions if p >= 0]
    first = min(positions) if positions else 0
    start = max(0, first - width // 3)
    excerpt = text[start : start + width]
    if start:
        excerpt = "… " + excerpt.split(" ", 1)[-1]
    if start + width < len(text):
        excerpt = excerpt.rsplit(" ", 1)[0] + " …"
    for term in sorted(terms, key=len, reverse=True):
        excerpt = re.sub(f"({re.escape(term)})", f"{START}\\1{STOP}", excerpt, flags=re.IGNORECASE)
    return excerpt


class SearchIndex:
    """The registered sources, the rows they write, and the query over them."""

    count_limit = COUNT_LIMIT
    page_limit = PAGE_LIMIT
    count_window = COUNT_WINDOW
    count_probe = COUNT_PROBE
    # No section counted past this: each part sorts its matches rather than walking rows.
    few_matches = COUNT_LIMIT

    def __init__(self):
        self.sources = []
        self._suspended = threading.local()

    @contextmanager
    def suspended(self):
        """Saves inside write no rows (bulk loads); call `rebuild()` afterwards."""
        self._suspended.on = True
        try:
            yield
        finally:
            self._suspended.on = False

    def register(self, *sources):
        self.sources.extend(sources)

    def autodiscover(self):
        """Register the `SEARCH_SOURCES` of every app's `search.py` (in INSTALLED_APPS order)."""
        for config in apps.get_app_configs():
            if module_has_submodule(config.module, "search"):
                module = import_module(f"{config.name}.search")
                self.register(*getattr(module, "SEARCH_SOURCES", ()))
        self.connect()

    # --- which source, which children -------------------------------------------------

    def source_for(self, model):
        return next((s for s in self.sources if s.model is model), None)

    def section_labels(self):
        return {source.section: source.label for source in self.sources}

    def queryset(self, source):
        """The source's items, minus those a more specific source lists (a meeting is an
        Agenda event by inheritance, but is listed under the commissions only)."""
        queryset = source.base_queryset()
        for other in self.sources:
            if other.model is not source.model and issubclass(other.model, source.model):
                queryset = queryset.exclude(pk__in=other.model._default_manager.values("pk"))
        return queryset

    def children(self, model):
        """(source, foreign key) pairs whose items belong to an instance of `model`."""
        for source in self.sources:
            for name in source.parents:
                related = source.model._meta.get_field(name).related_model
                if issubclass(model, related):
                    yield source, name

    def connect(self):
        models_ = {s.model for s in self.sources}
        models_ |= {
            s.model._meta.get_field(n).related_model for s in self.sources for n in s.parents
        }
        for model in models_:
            uid = f"search-{model._meta.label_lower}"
            post_save.connect(self._saved, sender=model, dispatch_uid=uid)
            post_delete.connect(self._deleted, sender=model, dispatch_uid=uid)

    def _saved(self, sender, instance, raw=False, **kwargs):
        # Fixtures and bulk loads: `rebuild_search_index` (or `rebuild()`) afterwards.
        if not raw and not getattr(self._suspended, "on", False):
            self.update_instance(instance)

    def _deleted(self, sender, instance, **kwargs):
        source = self.source_for(sender)
        if source and not getattr(self._suspended, "on", False):
            content_type = ContentType.objects.get_for_model(sender)
            SearchDocument.objects.filter(content_type=content_type, object_id=instance.pk).delete()

    # --- writing rows -----------------------------------------------------------------

    def update_instance(self, instance):
        """Re-index an item and everything that belongs to it (its visibility may change)."""
        seen = set()
        pending = [(type(instance), [instance.pk])]
        while pending:
            model, pks = pending.pop()
            source = self.source_for(model)
            if source:
                self.update(source, pks)
            for child, name in self.children(model):
                child_pks = [
                    pk
                    for pk in self.queryset(child)
                    .filter(**{f"{name}__in": pks})
                    .values_list("pk", flat=True)
                    if (child.model, pk) not in seen
                ]
                seen.update((child.model, pk) for pk in child_pks)
                if child_pks:
                    pending.append((child.model, child_pks))

    def update_queryset(self, queryset):
        """Re-index the items of a queryset changed without signals (`update()`)."""
        for pk in queryset.values_list("pk", flat=True):
            self.update_instance(queryset.model(pk=pk))

    def rebuild(self):
        """Every row again, source by source, in batches; returns the number of rows."""
        total = 0
        with transaction.atomic():
            SearchDocument.objects.all().delete()
            for source in self.sources:
                pks = list(self.queryset(source).values_list("pk", flat=True).order_by("pk"))
                for start in range(0, len(pks), BATCH_SIZE):
                    batch = pks[start : start + BATCH_SIZE]
                    total += self.update(source, batch, clear=False)
        return total

    def visible_from(self, obj, memo=None):
        """When visitors may see `obj` (the latest publication date of it and its parents), or
        None when it or one of them is a draft."""
        memo = {} if memo is None else memo
        key = (type(obj), obj.pk)
        if key not in memo:
            moment = None
            if getattr(obj, "status", Status.PUBLISHED) == Status.PUBLISHED:
                moment = getattr(obj, "published_at", None) or timezone.now()
                source = self.source_for(type(obj))
                for name in source.parents if source else ():
                    parent = getattr(obj, name)
                    if parent is None:
                        continue
                    parent_moment = self.visible_from(parent, memo)
                    moment = max(moment, parent_moment) if parent_moment else None
                    if moment is None:
                        break
            memo[key] = moment
        return memo[key]

    def update(self, source, pks, clear=True):
        """Rewrite the rows of the items with these pks (those gone or no longer the source's
        lose theirs); returns how many rows were written."""
        objects = list(self.queryset(source).filter(pk__in=pks))
        content_type = ContentType.objects.get_for_model(source.model)
        memo, now = {}, timezone.now()
        moments = {obj.pk: self.visible_from(obj, memo) for obj in objects}
        # Whatever else a model's `published()` requires (its own rules) is respected too:
        # an item that should be public by its dates but is not is left out.
        due = [pk for pk, moment in moments.items() if moment and moment <= now]
        public_now = (
            set(
                source.model._default_manager.published()
                .filter(pk__in=due)
                .values_list("pk", flat=True)
            )
            if due
            else set()
        )
        rows = []
        for obj in objects:
            moment = moments[obj.pk]
            if moment is None or (moment <= now and obj.pk not in public_now):
                continue
            try:
                rows.extend(self._rows(source, obj, content_type, moment))
            except (NoReverseMatch, AttributeError, TypeError, ValueError):
                # An item without an address yet (e.g. a half-filled slug) is left out of
                # the search rather than making its save fail; its next save indexes it.
                logger.warning(
                    "Not indexed: %s %s", source.model._meta.label, obj.pk, exc_info=True
                )
        with transaction.atomic():
            if clear:
                SearchDocument.objects.filter(content_type=content_type, object_id__in=pks).delete()
            SearchDocument.objects.bulk_create(rows)
            if rows and connection.vendor == "postgresql":
                SearchDocument.objects.filter(
                    content_type=content_type, object_id__in=[obj.pk for obj in objects]
                ).update(vector=search_vector(), rank_vector=rank_vector())
        return len(rows)

    def _texts(self, source, obj, code):
        with translation.override(code):
            title = _text(obj, source.title)
            summary = " ".join(_text(obj, f) for f in source.summary).strip()
            body = " ".join(_text(obj, f) for f in source.body).strip()
            url = obj.get_absolute_url()
        return title, summary, body, url

    def _rows(self, source, obj, content_type, moment):
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        texts = {code: self._texts(source, obj, code) for code in LANGUAGE_CODES}
        fields = (source.title, *source.summary, *source.body)
        for code in LANGUAGE_CODES:
            title, summary, body, url = texts[code]
            # The language the visitor really reads: Italian where a field falls back.
            text_language = default if _is_fallback(obj, fields[-1], code) else code
            title_language = default if _is_fallback(obj, source.title, code) else code
            others = [c for c in LANGUAGE_CODES if c != code and texts[c][:3] != texts[code][:3]]
            other_text = " ".join(" ".join(texts[c][:3]) for c in others)
            yield SearchDocument(
                content_type=content_type,
                object_id=obj.pk,
                language=code,
                section=source.section,
                title=title or str(obj),
                title_language=title_language,
                summary=summary,
                body=body,
                other_text=other_text,
                config=CONFIGURATIONS.get(text_language, "simple"),
                other_config=CONFIGURATIONS.get(others[0] if others else code, "simple"),
                url=url,
                date=_as_date(_value(obj, source.date)),
                visible_from=moment,
            )

    # --- searching --------------------------------------------------------------------

    def search(self, query, language, section=""):
        """The matching rows (a queryset ordered best first) and the count per section."""
        documents = SearchDocument.objects.filter(
            language=language, visible_from__lte=timezone.now()
        )
        if connection.vendor == "postgresql":
            documents, ranked = self._postgres(documents, query, language)
        else:
            documents, ranked = self._sqlite(documents, query)
        counts = dict(
            documents.order_by()
            .values_list("section")
            .annotate(count=Count("pk"))
            .values_list("section", "count")
        )
        if section:
            ranked = ranked.filter(section=section)
        return ranked, counts

    def search_page(self, query, language, section, number, per_page):
        """One page of results (a list, best first, with one more row when a next page
        exists) and the count per section, where a count above `count_limit` means "more
        than that many" (it was not counted further).

        Two queries: the counts, then the page (on PostgreSQL `_postgres_page`, elsewhere
        over `search()`).
        """
        offset = (number - 1) * per_page
        if connection.vendor != "postgresql":
            ranked, counts = self.search(query, language, section)
            found = counts.get(section, 0) if section else sum(counts.values())
            counts = {key: min(count, self.count_limit + 1) for key, count in counts.items()}
            return (list(ranked[offset : offset + per_page + 1]) if found > offset else []), counts
        return self._postgres_page(query, language, section, offset, per_page + 1)

    def _postgres_page(self, query, language, section, offset, limit):
        """Counts, then the page with its excerpts: two statements whose cost is bounded by
        the page and the count limit, not by the number of matches (bench/page_profile.py;
        README "Speed"). Nothing to show (no match, a page past the counted end): the
        counts alone. Two statements rather than one: each is small to plan, and the page's
        is written for what the counts found.

        - Each section's count stops at `count_limit + 1` matches: it tests the section's
          newest `count_probe` rows; where the query is common among them it walks the
          newest `count_window` rows (a common word reaches the limit there), elsewhere, or
          when the walk falls short in a larger section, it counts through the index of
          matches (the word is rare there: quick).
        - The results come in three parts, each newest first: the items whose title matches
          the query (all its words in the title), then those whose title and summary do,
          then the rest (the body, the other language's text); a part is read only when the
          page reaches it. When the counts are small (no section past `few_matches`, or the
          chosen section under it), each part sorts its few matches from the indexes of
          matches. Otherwise each walks the rows newest first (the date indexes of migration
          0010) until the page is full; there the query is written out as a constant
          (`websearch_to_tsquery` with a configuration is immutable, so PostgreSQL folds it
          while planning) and the planner, knowing how common its words are in titles
          (migration 0011's statistics) and overall, may still prefer an index of matches.
        """
        statement = _PostgresSearch(self, query, language)
        counts = statement.counts()
        shown = {key: n for key, n in counts.items() if not section or key == section}
        found = sum(shown.values())
        open_ended = any(n > self.count_limit for n in shown.values())
        if not found or (offset >= found and not open_ended):
            return [], counts
        few = max(shown.values()) <= self.few_matches
        return statement.page(section, offset, limit, few), counts

    def _postgres(self, documents, query, language):
        from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

        tsquery = None
        for code in [language, *(c for c in LANGUAGE_CODES if c != language)]:
            config = CONFIGURATIONS.get(code, "simple")
            part = SearchQuery(query, config=config, search_type="websearch")
            tsquery = part if tsquery is None else tsquery | part
        documents = documents.filter(vector=tsquery)
        ranked = documents.annotate(
            rank=SearchRank(F("rank_vector"), tsquery),
            excerpt=SearchHeadline(
                Concat("summary", Value(" "), "body", output_field=models.TextField()),
                tsquery,
                config=F("config"),
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        ).order_by("-rank", "-date", "pk")
        # The page shows the headline: the long columns stay in the database.
        return documents, ranked.defer("body", "other_text", "vector", "rank_vector")

    def _sqlite(self, documents, query):
        wanted, unwanted = websearch_terms(query)
        if not wanted:
            return documents.none(), documents.none()
        fields = ("title", "summary", "body", "other_text")
        for term in wanted:
            documents = documents.filter(
                models.Q(*[Q(**{f"{f}__icontains": term}) for f in fields], _connector=Q.OR)
            )
        for term in unwanted:
            documents = documents.exclude(
                models.Q(*[Q(**{f"{f}__icontains": term}) for f in fields], _connector=Q.OR)
            )
        # Title matches first, then the newest.
        title_match = Q(*[Q(title__icontains=t) for t in wanted], _connector=Q.OR)
        ranked = documents.annotate(
            rank=models.Case(
                models.When(title_match, then=Value(1.0)),
                default=Value(0.0),
                output_field=models.FloatField(),
            )
        ).order_by("-rank", "-date", "pk")
        return documents, ranked

    def excerpt(self, document, query):
        """The highlighted excerpt of a result (PostgreSQL's headline, or SQLite's snippet)."""
        text = getattr(document, "excerpt", None)
        if text is None:  # SQLite: as on PostgreSQL, a title match's excerpt is its summary
            wanted, _unwanted = websearch_terms(query)
            if document.rank > 0 and document.summary:
                text = _snippet(document.summary, wanted)
            else:
                text = _snippet(f"{document.summary} {document.body}".strip(), wanted)
        return highlighted(text)


COUNTS_FUNCTION = "search_counts"


def counts_function_sql():
    """`CREATE OR REPLACE FUNCTION search_counts(…)`: each section's matches of a query,
    counted up to `p_count_limit + 1` (one row a section with any). Created on PostgreSQL
    after every `migrate` (torino_portal/apps.py), so this text is the one place it is
    written.

    A function rather than a statement sent each time: PostgreSQL planned the statement
    (a dozen subqueries) on every search, which cost more than running it; a PL/pgSQL
    function keeps its plan for the session, and `force_generic_plan` makes that one plan
    for every query (the query is a parameter there anyway: nothing to gain from seeing it).
    Each language has its own statement, the language written out, so that the plan uses
    that language's partial indexes. Unlike a prepared statement, it works through a
    connection pooler.

    For each section: its newest `p_probe` rows tell how common the query is there (they
    are the whole section when it is that small). Where it is common, the newest `p_window`
    rows are walked until `p_count_limit + 1` matches (a common word reaches the limit
    there, or the window is the whole section); elsewhere, or when the walk falls short in
    a larger section, the matches are counted through the index of matches (the word is
    rare there: quick).
    """
    table = connection.ops.quote_name(SearchDocument._meta.db_table)
    tsquery = " || ".join(
        f"websearch_to_tsquery(p_configs[{n}], p_query)" for n in range(1, len(LANGUAGE_CODES) + 1)
    )

    def statement(code):
        visible = f"d.language = '{code}' AND d.visible_from <= p_now"
        count_matches = f"""SELECT count(*) FROM (
            SELECT FROM {table} d, q
            WHERE {visible} AND d.section = s.section AND d.vector @@ q.tsquery
            LIMIT p_count_limit + 1
        ) capped"""
        return f"""
            WITH q AS (SELECT ({tsquery}) AS tsquery)
            SELECT s.section::text, c.n::bigint FROM unnest(p_sections) AS s(section)
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE hit) AS hits, count(*) AS seen FROM (
                    SELECT d.vector @@ q.tsquery AS hit FROM {table} d, q
                    WHERE {visible} AND d.section = s.section
                    ORDER BY d.visible_from DESC LIMIT p_probe
                ) newest
            ) p
            CROSS JOIN LATERAL (
                SELECT CASE WHEN p.seen = p_probe AND p.hits >= p_common THEN (
                    SELECT count(*) FROM (
                        SELECT FROM (
                            SELECT d.vector FROM {table} d
                            WHERE {visible} AND d.section = s.section
                            ORDER BY d.visible_from DESC LIMIT p_window
                        ) newest, q
                        WHERE newest.vector @@ q.tsquery LIMIT p_count_limit + 1
                    ) found
                ) END AS n
                OFFSET 0  -- a subquery of its own: worked out once
            ) w
            CROSS JOIN LATERAL (
                SELECT CASE
                    WHEN p.seen < p_probe THEN p.hits
                    WHEN w.n > p_count_limit THEN w.n
                    -- The window held the whole section: its count is exact.
                    WHEN w.n IS NOT NULL AND NOT EXISTS (
                        SELECT FROM {table} d
                        WHERE {visible} AND d.section = s.section
                        ORDER BY d.visible_from DESC OFFSET p_window LIMIT 1
                    ) THEN w.n
                    ELSE ({count_matches})
                END AS n
                OFFSET 0  -- a subquery of its own: each section's count worked out once
            ) c
            WHERE c.n > 0"""

    branches = "\n            ELS".join(
        f"IF p_language = '{code}' THEN RETURN QUERY {statement(code)};" for code in LANGUAGE_CODES
    )
    return f"""
        CREATE OR REPLACE FUNCTION {COUNTS_FUNCTION}(
            p_language text, p_query text, p_configs regconfig[], p_now timestamptz,
            p_sections text[], p_probe int, p_common int, p_window int, p_count_limit int
        ) RETURNS TABLE (out_section text, out_n bigint)
        LANGUAGE plpgsql STABLE
        SET plan_cache_mode = force_generic_plan
        AS $function$
        BEGIN
            {branches}
            END IF;
        END
        $function$"""


def create_counts_function(using="default", **kwargs):
    """post_migrate: (re)create `search_counts` on PostgreSQL (see counts_function_sql)."""
    connection_ = connections[using]
    if connection_.vendor == "postgresql":
        with connection_.cursor() as cursor:
            cursor.execute(counts_function_sql())


class _PostgresSearch:
    """The two statements of a search on PostgreSQL (see `SearchIndex._postgres_page`).

    The query's tsquery, in the visitor's language and the others, is bound client-side
    (psycopg's default in Django): the planner sees literals, folds the tsquery and picks
    the language's partial indexes.
    """

    def __init__(self, index, query, language):
        self.index = index
        self.table = connection.ops.quote_name(SearchDocument._meta.db_table)
        codes = [language, *(c for c in LANGUAGE_CODES if c != language)]
        self.tsquery = (
            "("
            + " || ".join(
                f"websearch_to_tsquery(%(config_{n})s::regconfig, %(query)s)"
                for n, _code in enumerate(codes)
            )
            + ")"
        )
        # An exclusion may hit the body: then the full vector decides (websearch syntax
        # writes it with "-": without one there is nothing to check).
        self.excludes = "-" in query
        self.visible = "d.language = %(language)s AND d.visible_from <= %(now)s"
        self.configs = [CONFIGURATIONS.get(code, "simple") for code in codes]
        self.params = {
            **{f"config_{n}": config for n, config in enumerate(self.configs)},
            "query": query,
            "language": language,
            "now": timezone.now(),
        }

    def _rows(self, sql, **params):
        with connection.cursor() as cursor:
            cursor.execute(sql, {**self.params, **params})
            return cursor.fetchall()

    def counts(self):
        """{section: matches} for the sections with any; past `count_limit` means "more".
        One call of `search_counts` (see `counts_function_sql`)."""
        index = self.index
        return dict(
            self._rows(
                f"SELECT out_section, out_n FROM {COUNTS_FUNCTION}(%(language)s, %(query)s, "
                "%(configs)s::regconfig[], %(now)s, %(sections)s::text[], %(probe)s, "
                "%(common)s, %(window)s, %(count_limit)s)",
                configs=self.configs,
                sections=list(index.section_labels()),
                probe=index.count_probe,
                # Enough of the sample matches for the window to reach the limit: walk it.
                common=-(-index.count_probe * (index.count_limit + 1) // index.count_window),
                window=index.count_window,
                count_limit=index.count_limit,
            )
        )

    def page(self, section, offset, limit, few):
        """`limit` results from `offset`, best first: SearchDocuments with `rank` (2 the title
        matches, 1 title and summary, 0 the rest) and `excerpt`. `few`: no counted section
        past `few_matches` (each part sorts its matches rather than walk the rows)."""
        table, tsquery = self.table, self.tsquery
        shown = [
            f
            for f in SearchDocument._meta.concrete_fields
            if f.name not in {"body", "other_text", "vector", "rank_vector"}
        ]
        title = "ts_filter(d.rank_vector, '{a}')"
        # The words restricted to weight A ('pian':A | 'piano':A): the same test as `title`,
        # cheaper on each row walked; `title` is there for its index and its statistics.
        title_query = (
            rf"regexp_replace({tsquery}::text, '''((?:[^'']|'''')*)''', '''\1'':A', 'g')"
            "::tsquery"
        )
        in_section = "AND d.section = %(section)s" if section else ""

        def part(walked, sorted_, before=()):
            """A part: its matches sorted from the indexes (few) or walked newest first."""
            if few:
                rows, condition = f"{table} d, q", sorted_
                condition += " AND d.vector @@ q.tsquery" if self.excludes else ""
            else:
                rows, condition = f"{table} d", walked
                condition += f" AND d.vector @@ {tsquery}" if self.excludes else ""
            enough = " + ".join(f"(SELECT count(*) FROM {name})" for name in before)
            more = f"AND {enough} < %(end)s" if before else ""
            return f"""(
                SELECT d.id, d.date FROM {rows}
                WHERE {self.visible} {in_section} AND {condition} {more}
                ORDER BY d.date DESC NULLS LAST, d.id LIMIT %(end)s
            )"""

        title_part = part(
            f"d.rank_vector @@ {title_query} AND {title} @@ {tsquery}",
            f"{title} @@ q.tsquery",
        )
        summary_part = part(
            f"d.rank_vector @@ {tsquery} AND NOT d.rank_vector @@ {title_query}",
            f"d.rank_vector @@ q.tsquery AND NOT {title} @@ q.tsquery",
            before=("title",),
        )
        rest_part = part(
            f"d.vector @@ {tsquery} AND NOT d.rank_vector @@ {tsquery}",
            "d.vector @@ q.tsquery AND NOT d.rank_vector @@ q.tsquery",
            before=("title", "summary"),
        )
        columns = ", ".join(f"d.{connection.ops.quote_name(f.column)}" for f in shown)
        sql = f"""
            WITH q AS (SELECT {tsquery} AS tsquery),
            title AS MATERIALIZED {title_part},
            summary AS MATERIALIZED {summary_part},
            rest AS {rest_part},
            page AS (
                SELECT id, date, 0 AS part FROM title
                UNION ALL SELECT id, date, 1 FROM summary
                UNION ALL SELECT id, date, 2 FROM rest
                ORDER BY part, date DESC NULLS LAST, id LIMIT %(limit)s OFFSET %(offset)s
            )
            SELECT
                page.part,
                -- The excerpt of a title or summary match is its summary (what the item
                -- is about; a fifth of the text to parse), of a match further in, the body.
                ts_headline(
                    d.config::regconfig,
                    CASE WHEN page.part < 2 AND d.summary <> '' THEN d.summary
                        ELSE d.summary || ' ' || d.body END,
                    q.tsquery,
                    %(options)s
                ),
                {columns}
            FROM page JOIN {table} d ON d.id = page.id, q
            ORDER BY page.part, d.date DESC NULLS LAST, d.id
        """
        rows = self._rows(
            sql,
            section=section,
            end=offset + limit,
            limit=limit,
            offset=offset,
            options=(
                f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, "
                'MaxFragments=2, FragmentDelimiter=" … "'
            ),
        )
        names = [f.attname for f in shown]
        results = []
        for part_, excerpt, *values in rows:
            document = SearchDocument.from_db(connection.alias, names, values)
            document.rank, document.excerpt = 2 - part_, excerpt
            results.append(document)
        return results


def search_vector():
    """Title A, summary B, body C in the text's language; the other language's text D."""
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("title", weight="A", config=F("config"))
        + SearchVector("summary", weight="B", config=F("config"))
        + SearchVector("body", weight="C", config=F("config"))
        + SearchVector("other_text", weight="D", config=F("other_config"))
    )


def rank_vector():
    """What ranks a match: title A, summary B; a match in the body alone ranks 0."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", weight="A", config=F("config")) + SearchVector(
        "summary", weight="B", config=F("config")
    )


index = SearchIndex()

# The site pages (help, contacts, privacy, accessibility); the home's introduction is the
# home page itself, found through what it lists.
SEARCH_SOURCES = [
    SearchSource(
        "site",
        _("Site pages"),
        SitePage,
        body=("body",),
        date="updated_at",
        only=(~Q(key=SitePage.Key.HOME),),
    )
]
