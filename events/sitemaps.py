"""The events app's public pages in /sitemap.xml."""

SITEMAPS = {}
