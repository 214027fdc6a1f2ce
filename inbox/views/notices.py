"""A person's notifications: the list, the unread count in the header (fetched by htmx), opening one (a POST:
it marks it read, then goes where it points), marking all read, and how each kind is delivered."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import ListView, TemplateView

from msp.notices import Notice

from .. import services


class NoticeListView(LoginRequiredMixin, ListView):
    template_name = "inbox/notices.html"
    context_object_name = "notices"
    paginate_by = 50

    def get_queryset(self):
        return Notice.objects.filter(recipient=self.request.user).select_related("partnership")


@login_required
@require_GET
def notice_count(request):
    unread = Notice.objects.filter(recipient=request.user, read_at__isnull=True).count()
    return render(request, "inbox/partials/notice_count.html", {"unread": unread})


@login_required
@require_POST
def notice_open(request, pk):
    notice = get_object_or_404(Notice, pk=pk, recipient=request.user)
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


class NoticeSettingsView(LoginRequiredMixin, TemplateView):
    template_name = "inbox/notice_settings.html"
