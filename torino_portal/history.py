"""Every change to the portal's content, kept (issue 11): who, when, what, both languages.

django-simple-history stores a copy of the row on every save and delete. It is registered
from each app's `translation.py`, right after `translator.register`: modeltranslation adds
the `title_it`/`title_en`… columns to the model class then, and the historical model copies
the fields the class has at registration, so registering earlier would keep one language.

Bulk paths (`bulk_create`, `update`: the demo loader, bench/fill, the publish actions) send
no signals and so write no history row; the admin's own saves and deletes always do.
"""

import simple_history
from simple_history.models import HistoricalRecords


def track(model, m2m_fields=()):
    """Keep the history of `model` (after its translated fields are registered); the
    many-to-many fields named in `m2m_fields` (tags) are kept with each version."""
    simple_history.register(model, records_class=HistoricalRecords, m2m_fields=list(m2m_fields))
