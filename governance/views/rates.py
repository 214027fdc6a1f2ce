"""The installation's exchange rates, under /rates/: the list (everyone who works on some partnership reads it),
recording and correcting a rate, and importing a file of them (secretariat staff anywhere: msp.access
.can_manage_rates). Anyone with no role anywhere gets "not found"."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView
from django_filters.views import FilterView

from msp import access
from stakeholders.views.common import add_service_errors

from .. import rate_import
from ..rate_forms import RateFilter, RateForm, RateImportForm
from ..selectors import rates as selectors
from ..services import rates as services


class RatesMixin(LoginRequiredMixin):
    """`manage`: the page writes, for those who keep the rates; every page is for people with some role."""

    manage = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not access.can_read_rates(request.user):
            raise Http404(_("No such page."))
        self.can_manage = access.can_manage_rates(request.user)
        if self.manage and not self.can_manage:
            raise PermissionDenied(_("Only secretariat staff record exchange rates."))
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        """Load the page's object (after the permission check)."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_manage=self.can_manage, **kwargs)


class RateListView(RatesMixin, FilterView):
    template_name = "governance/resources/rates/list.html"
    filterset_class = RateFilter
    paginate_by = 50

    def get_queryset(self):
        return selectors.rates_list()

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "currencies": selectors.rate_currencies()}


class RateFormView(RatesMixin, FormView):
    """Record a rate, or (with `pk`) correct one."""

    manage = True
    template_name = "governance/resources/rates/form.html"
    form_class = RateForm

    def load(self, pk=None):
        self.rate = selectors.rate_or_404(pk) if pk is not None else None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.rate}

    def get_context_data(self, **kwargs):
        return super().get_context_data(rate=self.rate, **kwargs)

    def form_valid(self, form):
        try:
            saved = services.rate_save(by=self.request.user, exchange_rate=self.rate, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The rate is saved: %(rate)s.") % {"rate": saved})
        return redirect("governance:rates")


class RateImportView(RatesMixin, FormView):
    """Upload a file and see every row checked; the "Import" button sends the checked rows back (`rows`), which
    are checked again before they are written."""

    manage = True
    template_name = "governance/resources/rates/import.html"
    form_class = RateImportForm

    def post(self, request, *args, **kwargs):
        if "rows" in request.POST:
            return self.confirm(request.POST["rows"], request.POST.get("source", "")[:100])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        preview = rate_import.preview(upload.name, upload.read())
        context = self.get_context_data(form=form, preview=preview, source=form.cleaned_data["source"])
        return self.render_to_response(context, status=200 if preview.valid else 400)

    def confirm(self, rows, source):
        content = rows.encode("utf-8")
        try:
            preview = services.rates_import(by=self.request.user, filename="rates.csv", content=content, source=source)
        except services.ImportRefused as exc:
            context = self.get_context_data(preview=exc.preview, refused=True)
            return self.render_to_response(context, status=400)
        messages.success(self.request, _("%(n)d exchange rates are imported.") % {"n": len(preview.new)})
        return redirect("governance:rates")
