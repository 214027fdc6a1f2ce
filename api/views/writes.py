"""The actual of one period: read it (the members) and enter or correct it (PUT: the secretariat, or a partner for
the indicator's responsible organisation, as on the page). A PUT goes through the page's own form
(monitoring.actual_forms.ActualForm) and one call of monitoring.services.actuals.actual_save, which checks the
right again and every rule under the period's row lock; a refusal writes nothing."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics
from rest_framework.response import Response

from monitoring.actual_forms import ActualForm
from monitoring.models import Period
from monitoring.selectors import actuals as selectors
from monitoring.services import actuals as services

from ..etag import ETagMixin
from ..serializers.monitoring_actuals import ActualAnswerSerializer, ActualInputSerializer, form_data, form_errors
from .base import PartnershipScoped


@extend_schema(tags=["indicators"])
class ActualView(PartnershipScoped, ETagMixin, generics.RetrieveAPIView):
    """The actual of a period of one of the partnership's indicators. GET: the members (donors read actuals of
    locked periods on the indicator). PUT: enter or correct it, exactly as on the page “Enter data”: a locked period,
    or one that has not started, is refused with the reason; bad values answer 400 with the form's messages."""

    read_action = "view"
    write_action = "view"  # then msp.access.can_enter_actual, through the service, as on the page
    serializer_class = ActualAnswerSerializer

    def load(self):
        periods = Period.objects.filter(indicator__partnership=self.partnership).values_list("indicator_id", flat=True)
        indicator_pk = get_object_or_404(periods, pk=self.kwargs["period_pk"])
        return selectors.period_for_entry(self.partnership, indicator_pk, self.kwargs["period_pk"])

    def get_object(self):
        _indicator, period = self.load()
        return period

    @extend_schema(request=ActualInputSerializer, responses=ActualAnswerSerializer)
    def put(self, request, *args, **kwargs):
        indicator, period = self.load()
        services.require_enter_actual(request.user, indicator)  # 403 with the reason (another organisation's...)
        refusal = services.period_refusal(period)
        if refusal:
            raise exceptions.ValidationError({"non_field_errors": [refusal]})
        form = ActualForm(indicator=indicator)
        data, errors = form_data(request.data, form)
        form = ActualForm(data, indicator=indicator)
        if not form.is_valid() or errors:
            found = form_errors(form)
            for field, messages in errors.items():
                found[field] = [*found.get(field, []), *messages]
            raise exceptions.ValidationError(found)
        try:
            services.actual_save(period=period, by=request.user, **form.service_kwargs())
        except ValidationError as exc:
            raise exceptions.ValidationError(_by_field(exc)) from exc
        _indicator, period = self.load()
        return Response(ActualAnswerSerializer(period).data)


def _by_field(error: ValidationError) -> dict:
    if not hasattr(error, "error_dict"):
        return {"non_field_errors": error.messages}
    return {
        "non_field_errors" if field == NON_FIELD_ERRORS else field: [m for e in errors for m in e.messages]
        for field, errors in error.error_dict.items()
    }


urls = [
    path("partnerships/<int:partnership_pk>/periods/<int:period_pk>/actual/", ActualView.as_view(), name="actual"),
]
