"""Our date formats per interface language (settings.FORMAT_MODULE_PATH); Django's own for everything else.

Pages write dates as `{{ value|date }}` (DATE_FORMAT) and times as `|date:"DATETIME_FORMAT"`, never a fixed
pattern, so each language reads them its way: "1 Sep 2025", "1 sept. 2025", "1. Sept. 2025".
"""

from django.utils.formats import date_format
from django.utils.translation import get_language

# A moment written out in full, for agreements and reports ("30 November 2026, 14:05", "30 novembre 2026 14:05", "30. November 2026 14:05"): Django's format names
# have no long date-and-time, so it is chosen here by language.
LONG_DATETIME = {"en": "j F Y, H:i", "fr": "j F Y H:i", "de": "j. F Y H:i"}


def long_datetime(value):
    return date_format(value, LONG_DATETIME.get((get_language() or "en").split("-")[0], LONG_DATETIME["en"]))
