"""opendata's tab (see msp.registry): the secretariat's IATI preview, beside the partnership's settings."""

from django.utils.translation import gettext_lazy as _

from msp.registry import Tab, register_tab

register_tab(Tab("open_data", _("Open data (IATI)"), "opendata:preview", order=97, action="publish_open_data"))
