"""`/sitemap.xml`: every section's public pages, in both languages with their alternates."""

from commissions.sitemaps import SITEMAPS as COMMISSIONS
from events.sitemaps import SITEMAPS as EVENTS
from newsletter.sitemaps import SITEMAPS as NEWSLETTER
from plans.sitemaps import SITEMAPS as PLANS
from press.sitemaps import SITEMAPS as PRESS

SITEMAPS = {**PLANS, **EVENTS, **COMMISSIONS, **PRESS, **NEWSLETTER}
