"""A person's notifications: the list, the unread count in the header (fetched by htmx), opening one (a POST:
it marks it read, then goes where it points), marking all read, and how each kind is delivered. Both POSTs end
in a redirect, so the next page's header fetches the count afresh."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import FormView, ListView

from msp.notices import NoticePreference

from .. import notice_selectors as selectors
from .. import services
from ..forms import NoticeSettingsForm


class NoticeListView(LoginRequiredMixin, ListView):
    template_name = "inbox/notices.html"
    context_object_name = "notices"
    paginate_by = 25

    def unread_only(self):
        return self.request.GET.get("show") == "unread"

    def get_queryset(self):
        return selectors.notice_list(self.request.user, unread_only=self.unread_only())

    def get_context_data(self, **kwargs):
        return super().get_context_data(unread_only=self.unread_only(), **kwargs)


@login_required
@require_GET
def notice_count(request):
    return render(request, "inbox/partials/notice_count.html", {"unread": selectors.unread_count(request.user)})


@login_required
@require_POST
def notice_open(request, pk):
    notice = get_object_or_404(selectors.notices_for(request.user), pk=pk)
    services.notice_read(notice=notice)
    if notice.link and url_has_allowed_host_and_scheme(notice.link, allowed_hosts={request.get_host()}):
        return redirect(notice.link)
    return redirect("inbox:notices")


@login_required
@require_POST
def notices_read_all(request):
    count = services.notices_read_all(user=request.user)
    if count:
        messages.success(request, _("All notifications marked as read."))
    return redirect("inbox:notices")


class NoticeSettingsView(LoginRequiredMixin, FormView):
    template_name = "inbox/notice_settings.html"
    form_class = NoticeSettingsForm

    def get_form_kwargs(self):
        chosen = dict(NoticePreference.objects.filter(user=self.request.user).values_list("kind", "channel"))
        return {**super().get_form_kwargs(), "chosen": chosen}

    def form_valid(self, form):
        services.notice_preferences_save(user=self.request.user, channels=form.cleaned_data)
        messages.success(self.request, _("Your notification settings are saved."))
        return redirect("inbox:notice_settings")
