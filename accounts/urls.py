"""A person's sign-in settings (namespace "accounts", under /accounts/)."""

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/setup/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/codes/", views.two_factor_codes, name="two_factor_codes"),
    path("two-factor/codes/renew/", views.two_factor_codes_renew, name="two_factor_codes_renew"),
    path("two-factor/disable/", views.two_factor_disable, name="two_factor_disable"),
    path("two-factor/verify/", views.two_factor_verify, name="two_factor_verify"),
    path("sessions/", views.session_list, name="sessions"),
    path("sessions/<int:pk>/end/", views.session_end, name="session_end"),
    path("sessions/end-others/", views.sessions_end_others, name="sessions_end_others"),
]
