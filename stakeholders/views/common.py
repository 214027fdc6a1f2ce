from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from msp import access
from msp.views import PartnershipMixin


def add_service_errors(form, exc):
    """Show a service's ValidationError on the form: on its field when the form has it, else above the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def safe_next(request, default):
    """The `next` parameter when it points into this site, else `default`."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


class StakeholdersMixin(PartnershipMixin):
    """A page of a partnership's Stakeholders tab; `section` picks the sub-navigation entry."""

    tab = "stakeholders"
    section = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            section=self.section,
            can_invite=access.can(user, "manage_roles", self.partnership),
            can_registry=access.can_manage_registry(user, self.partnership),
        )
        return context


class RegistryMixin(LoginRequiredMixin):
    """Pages of the organisation registry: for those who keep it (see msp.access.can_manage_registry)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not access.can_manage_registry(request.user):
            raise PermissionDenied(_("Only secretariat staff keep the organisation registry."))
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        """Load the page's object (after the permission check)."""
