"""The newsletter app's public pages in /sitemap.xml."""

SITEMAPS = {}
