"""The press app's public pages in /sitemap.xml."""

SITEMAPS = {}
