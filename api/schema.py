"""What drf-spectacular needs to describe our API: the personal-token scheme (imported by ApiConfig.ready)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema as BaseAutoSchema

# The documentation's sections: an endpoint's tag (given with extend_schema, or its view module's below) and its
# heading, in the reader's language.
TAGS = {
    "partnerships": _("Partnerships"),
    "stakeholders": _("Members and stakeholders"),
    "governance": _("Governance and decisions"),
    "agreements": _("Roadmap and MoU"),
    "meetings": _("Meetings"),
    "resources": _("Resources"),
    "indicators": _("Indicators"),
    "learning": _("Learning"),
    "reports": _("Reports"),
    "phases": _("Phases and checklists"),
}
TAG_OF_MODULE = {
    "api.views.partnerships": "partnerships",
    "api.views.stakeholders": "stakeholders",
    "api.views.governance": "governance",
    "api.views.governance_agreements": "agreements",
    "api.views.governance_meetings": "meetings",
    "api.views.governance_resources": "resources",
}


class AutoSchema(BaseAutoSchema):
    """drf-spectacular's schema, with endpoints grouped by subject (their view module) rather than by the first
    segment of their path, which is "partnerships" for nearly all of them."""

    def get_tags(self):
        return [TAG_OF_MODULE.get(type(self.view).__module__) or super().get_tags()[0]]


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, made on “API tokens” in your account menu: "
            "`Authorization: Bearer msp_…`.",
        }
