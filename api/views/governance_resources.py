"""API endpoints: commitments, budget lines and transactions. Members read every commitment, a donor those of the
organisation they act for (msp.access.commitments_scope, through governance.selectors.commitments); the budget and
the transactions are the members' books. The secretariat records a commitment (POST on the list) and changes one
(PUT, or PATCH with the fields to change): the page's CommitmentForm, then services.commitment_save."""

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from governance import services
from governance.budget_forms import TransactionFilter
from governance.commitment_forms import CommitmentFilter, CommitmentForm
from governance.models import BudgetLine, Commitment, Transaction
from governance.selectors import budget as budget_selectors
from governance.selectors import commitments as selectors

from ..etag import ETagMixin
from ..serializers.governance_resources import (
    BudgetLineSerializer,
    CommitmentInput,
    CommitmentSerializer,
    TransactionSerializer,
)
from .governance_common import Scoped, invalid, posted, save_through


class CommitmentScoped(Scoped):
    read_action = "view_resources"
    model = Commitment
    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilter

    def records(self):
        return selectors.commitments_for(self.request.user, self.partnership)

    def filterset_kwargs(self):
        return {"organisations": selectors.organisations_of(self.records())}

    def write(self, commitment=None):
        """The page's form (with a field per year of the commitment's amounts), then services.commitment_save."""
        body = self.request.data
        blank = CommitmentForm(partnership=self.partnership, instance=commitment)
        if isinstance(body, dict) and "years" in body:  # {"2026": "500.00"}: the form's field per year
            body = {**body, **_years(body["years"], blank.year_names)}
            del body["years"]
        form = CommitmentForm(posted(self.request, blank, body=body), partnership=self.partnership, instance=commitment)
        saved = save_through(
            self.request,
            form,
            lambda form: services.commitment_save(
                partnership=self.partnership, by=self.request.user, commitment=commitment, **form.service_kwargs()
            ),
        )
        data = CommitmentSerializer(self.records().get(pk=saved.pk), context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_200_OK if commitment else status.HTTP_201_CREATED)


def _years(years, year_names) -> dict:
    """`years` ({"2026": "500.00"}) as the form's year fields; only the commitment's years can be given (the page
    shows those), anything else is refused."""
    if years is None:
        return {}
    offered = ", ".join(name.removeprefix("year_") for name in year_names) or _("none yet")
    refusal = _('Give amounts for the commitment\'s years only (%(years)s), as {"2026": "500.00"}.')
    if not isinstance(years, dict) or any(f"year_{year}" not in year_names for year in years):
        raise invalid({"years": [refusal % {"years": offered}]})
    return {f"year_{year}": amount for year, amount in years.items()}


class Commitments(CommitmentScoped, generics.ListAPIView):
    """The commitments you may read (a donor: their own organisation's), by organisation, with their amounts per
    year; the page's filters (`organisation`, `type`, `status`, `sort`). The secretariat posts a new commitment."""

    @extend_schema(request=CommitmentInput, responses={201: CommitmentSerializer})
    def post(self, request, *args, **kwargs):
        return self.write()


class CommitmentDetail(CommitmentScoped, ETagMixin, generics.RetrieveAPIView):
    """One commitment. The secretariat changes it with PUT (every field) or PATCH (the fields sent)."""

    @extend_schema(request=CommitmentInput, responses={200: CommitmentSerializer})
    def put(self, request, *args, **kwargs):
        return self.write(self.get_object())

    @extend_schema(request=CommitmentInput, responses={200: CommitmentSerializer})
    def patch(self, request, *args, **kwargs):
        return self.write(self.get_object())


class BudgetLines(Scoped, generics.ListAPIView):
    """Every budget line, by year and category, originals and their revisions (`revises`); `is_planned` marks the
    lines that count as planned (the newest of each chain)."""

    read_action = "view_budget"
    model = BudgetLine
    serializer_class = BudgetLineSerializer

    def records(self):
        planned = ExpressionWrapper(Q(revision__isnull=True), output_field=BooleanField())
        lines = BudgetLine.objects.filter(partnership=self.partnership).annotate(is_planned=planned)
        return lines.order_by("year", "category", "pk")


class Transactions(Scoped, generics.ListAPIView):
    """The transactions, newest first, with the page's filters (`q`, `type`, `date_from`, `date_to`,
    `counterpart`, `budget_line`)."""

    read_action = "view_transactions"
    model = Transaction
    serializer_class = TransactionSerializer
    filterset_class = TransactionFilter

    def records(self):
        return budget_selectors.transactions_for(self.partnership)

    def filterset_kwargs(self):
        return {"partnership": self.partnership}


P = "partnerships/<int:partnership_pk>/"
urls = [
    path(f"{P}commitments/", Commitments.as_view(), name="commitment_list"),
    path(f"{P}commitments/<int:pk>/", CommitmentDetail.as_view(), name="commitment_detail"),
    path(f"{P}budget-lines/", BudgetLines.as_view(), name="budget_line_list"),
    path(f"{P}transactions/", Transactions.as_view(), name="transaction_list"),
]
