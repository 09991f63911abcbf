"""The commissions app's public pages in /sitemap.xml."""

SITEMAPS = {}
