"""The invitation link, which works without signing in, under /invitations/."""

from django.urls import path

from .views import invitations

urlpatterns = [
    path("<str:token>/", invitations.accept, name="invitation_accept"),
]
