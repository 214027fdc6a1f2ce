from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django_ratelimit.decorators import ratelimit

from . import views

partnership_patterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("edit/", views.PartnershipUpdateView.as_view(), name="partnership_edit"),
    path("roles/", views.RolesView.as_view(), name="roles"),
    path("roles/<int:pk>/revoke/", views.role_revoke, name="role_revoke"),
    path("activity/", views.ActivityView.as_view(), name="activity"),
    path("archive/", views.partnership_archive, name="partnership_archive"),
    path("restore/", views.partnership_restore, name="partnership_restore"),
]

msp_patterns = [
    path("partnerships/", views.PartnershipListView.as_view(), name="partnership_list"),
    path("partnerships/new/", views.PartnershipCreateView.as_view(), name="partnership_create"),
    path("partnerships/<int:partnership_pk>/", include(partnership_patterns)),
    path("language/", views.language_switch, name="language"),
]

urlpatterns = [
    path("", include((msp_patterns, "msp"))),
    path("", include("inbox.urls")),
    path("search/", include("search.urls")),
    path("partnerships/<int:partnership_pk>/phases/", include("phases.urls")),
    path("partnerships/<int:partnership_pk>/stakeholders/", include("stakeholders.urls")),
    path("partnerships/<int:partnership_pk>/", include("monitoring.urls")),
    path("partnerships/<int:partnership_pk>/", include("transfer.urls")),
    path("organisations/", include("stakeholders.urls_registry")),
    path("invitations/", include("stakeholders.urls_public")),
    # Sign-in and password reset are rate limited per address and per account (see settings.LOGIN_RATE).
    path(
        "accounts/login/",
        ratelimit(key="ip", rate=settings.LOGIN_RATE, method="POST")(
            ratelimit(key="post:username", rate=settings.LOGIN_RATE, method="POST")(auth_views.LoginView.as_view())
        ),
        name="login",
    ),
    path(
        "accounts/password_reset/",
        ratelimit(key="ip", rate=settings.PASSWORD_RESET_RATE, method="POST")(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path("accounts/", include("accounts.urls")),
    path("", include("governance.urls_root")),
    path("", include("monitoring.urls_root")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("partnerships/<int:partnership_pk>/open-data/", include("opendata.urls")),
    path("iati/", include("opendata.urls_public")),
    path("api/v1/", include("api.urls")),
    path("developer/", include("api.urls_pages")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
