"""The commissions app's content in the site search (see torino_portal/search.py)."""

SEARCH_SOURCES = []
