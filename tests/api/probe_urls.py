"""The project's URLs plus a probe endpoint on the API's base view, for the platform tests (tests/api/
test_platform.py): what every endpoint of the other subjects inherits, refusals and errors, tried on one that does
nothing else. Used with `@pytest.mark.urls("tests.api.probe_urls")`."""

from django.core.exceptions import ValidationError
from django.urls import path
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api.views.base import PartnershipScoped
from msp.urls import urlpatterns as project


class ProbeInput(serializers.Serializer):
    value = serializers.DecimalField(max_digits=10, decimal_places=2)


class Probe(PartnershipScoped, APIView):
    """GET: members (a donor is refused). POST: the secretariat; `value` checked by a serializer, then "model" makes
    a service-style ValidationError and "crash" an error of ours."""

    read_action = "view"
    write_action = "change"

    def get(self, request, partnership_pk):
        return Response({"name": self.partnership.name})

    def post(self, request, partnership_pk):
        if request.data.get("crash"):
            raise RuntimeError("the probe crashed")
        if request.data.get("model"):
            raise ValidationError({"value": ["The model says no."]})
        data = ProbeInput(data=request.data)
        data.is_valid(raise_exception=True)
        return Response({"value": str(data.validated_data["value"])}, status=201)


urlpatterns = [path("probe/<int:partnership_pk>/", Probe.as_view()), *project]
