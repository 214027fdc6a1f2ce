"""Settings of the integrations: the REST API (api) and IATI publication (opendata). Part of msp.settings, which
imports everything here; read from the environment (or .env, already loaded by msp.settings) like the rest."""

import environ

env = environ.Env()

# The REST API (api): personal tokens only (no session, so no CSRF question), the same msp.access policy as the
# pages. Throttled per token (API_RATE); errors as JSON {"detail": ..., "errors": {field: [messages]}}.
API_RATE = env("API_RATE", default="600/m")
API_PAGE_SIZE = 50
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.PersonalTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": API_RATE},
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "PAGE_SIZE": API_PAGE_SIZE,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MSP Manager API",
    "DESCRIPTION": "Read every record of your partnerships and automate data entry, with a personal API token.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets that share a field name (type, status, method) get their own names in the schema.
    "ENUM_NAME_OVERRIDES": {
        "BodyTypeEnum": "governance.models.BodyType",
        "ClauseTypeEnum": "governance.models.ClauseType",
        "CommitmentTypeEnum": "governance.models.CommitmentType",
        "CommitmentStatusEnum": "governance.models.CommitmentStatus",
        "TransactionTypeEnum": "governance.models.TransactionType",
        "RoadmapStatusEnum": "governance.models.RoadmapVersion.Status",
        "MouStatusEnum": "governance.models.MouVersion.Status",
        "MilestoneStatusEnum": "governance.models.MilestoneStatus",
        "MeetingStatusEnum": "governance.models.MeetingStatus",
        "DecisionStatusEnum": "governance.models.DecisionStatus",
        "DecisionMethodEnum": "governance.decision_rules.Method",
        "GivenEnum": "governance.models.base.Method",
        "ScoreEnum": "stakeholders.models.stakeholder_map.SCORE_CHOICES",
    },
}

# IATI publication (opendata): the organisation that publishes this installation's IATI files. Its identifier
# (an IATI organisation identifier: registration agency prefix and number) starts every activity identifier, which
# is fixed at a partnership's first publication and never changes. Type: IATI OrganisationType code.
IATI_REPORTING_ORG_REF = env("IATI_REPORTING_ORG_REF", default="XI-IATI-MSPM")
IATI_REPORTING_ORG_NAME = env("IATI_REPORTING_ORG_NAME", default="MSP Manager secretariat network")
IATI_REPORTING_ORG_TYPE = env("IATI_REPORTING_ORG_TYPE", default="21")
