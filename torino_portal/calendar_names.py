"""Month and weekday names as Italian writes them: in lower case.

Django's Italian catalogue capitalises them ("24 Novembre 2026"); the portal's catalogue
(LOCALE_PATHS, which takes precedence) translates these same msgids in lower case, so the
date line reads "Torino - 24 novembre 2026" and the agenda "lunedì 24 novembre".
This module exists only so that `makemessages` keeps these msgids in `locale/`.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
WEEKDAYS = [
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
]
