"""Pages of results: `?page=2&page_size=100` (at most MAX_PAGE_SIZE a page, more is cut to it); the answer is
{count, next, previous, results}. A page number or size that is not a whole number is refused (400) rather than
quietly replaced, and a page past the last one is not found (404), each with a message saying what would work."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination

MAX_PAGE_SIZE = 200


class InvalidQuery(exceptions.APIException):
    """A query parameter the endpoint cannot use: 400, {"detail": message, "errors": {parameter: [message]}}."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = gettext_lazy("A query parameter is not valid.")
    default_code = "invalid_query"

    def __init__(self, parameter, message):
        super().__init__(message)
        self.errors = {parameter: [message]}


def _whole_number(value, parameter, message):
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1:
        raise InvalidQuery(parameter, message)
    return number


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = gettext_lazy("The page to show: 1 (the default), 2, … or “last”.")
    page_size_query_description = lazy(
        lambda: (
            _("How many records a page holds: at most %(max)d, %(default)d by default.")
            % {"max": MAX_PAGE_SIZE, "default": settings.API_PAGE_SIZE}
        ),
        str,
    )()

    def get_paginated_response_schema(self, schema):
        answer = super().get_paginated_response_schema(schema)
        for link in ("next", "previous"):  # DRF's examples name a made-up site's /accounts/
            answer["properties"][link].pop("example", None)
        return answer

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value in (None, ""):
            return self.page_size
        message = _("“page_size” must be a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
        return min(_whole_number(value, self.page_size_query_param, message), self.max_page_size)

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param)
        if value in (None, ""):
            return 1
        if value in self.last_page_strings:
            return paginator.num_pages
        message = _("“page” must be a whole number from 1 (or “last”).")
        return _whole_number(value, self.page_query_param, message)

    def paginate_queryset(self, queryset, request, view=None):
        # DRF's own, with our message for a page past the last one (DRF says only "Invalid page.").
        self.request = request
        page_size = self.get_page_size(request)
        if not page_size:
            return None
        paginator = self.django_paginator_class(queryset, page_size)
        number = self.get_page_number(request, paginator)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise exceptions.NotFound(
                _("There is no page %(page)d: the pages run from 1 to %(last)d.")
                % {"page": number, "last": paginator.num_pages}
            ) from None
        return list(self.page)
