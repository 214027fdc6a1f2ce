from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The header's search box: finds records across every partnership a person may see. A top layer beside
    inbox: it reads the apps below through their models and msp.access, and nothing imports it."""

    name = "search"
    verbose_name = _("Search")
