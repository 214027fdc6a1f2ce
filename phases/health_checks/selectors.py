"""What a health-check round's scores say: per item the mean, the spread, the counts of each score, who scored low,
and the result the scores give (settings HEALTH_CHECK_PASS_AT and HEALTH_CHECK_WARN_AT)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext as _

from msp import affiliations

from ..catalogue import Result
from ..models import HealthCheck, HealthCheckScore
from ..models.health_check import LOW, SCORES


def verdict(mean) -> str | None:
    """The checklist result of an item whose members' mean score is `mean` (None: nobody scored it)."""
    if mean is None:
        return None
    if mean >= settings.HEALTH_CHECK_PASS_AT:
        return Result.PASS
    if mean >= settings.HEALTH_CHECK_WARN_AT:
        return Result.WARN
    return Result.FAIL


@dataclass
class ItemScores:
    item: object  # catalogue Item
    scores: list = field(default_factory=list)  # HealthCheckScore rows, by organisation name

    @property
    def count(self):
        return len(self.scores)

    @property
    def mean(self):
        return sum(s.score for s in self.scores) / len(self.scores) if self.scores else None

    @property
    def lowest(self):
        return min((s.score for s in self.scores), default=None)

    @property
    def highest(self):
        return max((s.score for s in self.scores), default=None)

    @property
    def spread(self):
        return self.highest - self.lowest if self.scores else 0

    @property
    def counts(self):
        """[(score, how many gave it)] for 1 to 5."""
        return [(n, sum(1 for s in self.scores if s.score == n)) for n in SCORES]

    @property
    def low(self):
        return [s for s in self.scores if s.score <= LOW]

    @property
    def result(self):
        return verdict(self.mean)


def members_of(partnership) -> list:
    """The active member organisations today (msp.affiliations; none while no app provides them). One query."""
    links = affiliations.get()
    return links.members_of(partnership) if links is not None else []


def health_checks_for(partnership):
    """The partnership's rounds, newest first, each with `scored`: how many organisations have scored in it."""
    return HealthCheck.objects.filter(partnership=partnership).annotate(
        scored=Count("scores__organisation_id", distinct=True)
    )


def health_check_or_404(partnership, pk) -> HealthCheck:
    try:
        row = HealthCheck.objects.get(partnership=partnership, pk=pk)
    except (HealthCheck.DoesNotExist, ValueError, TypeError):
        raise Http404(_("No such health check.")) from None
    row.partnership = partnership  # the same row: the user's role is cached on it for the request
    return row


def item_scores(health_check) -> list[ItemScores]:
    """Every item of the round with its scores (one query)."""
    by_item = {item.id: ItemScores(item) for item in health_check.items}
    for score in HealthCheckScore.objects.filter(health_check=health_check).order_by("organisation_name", "pk"):
        if score.item_id in by_item:
            by_item[score.item_id].scores.append(score)
    return list(by_item.values())


def scores_of(health_check, organisation_id) -> dict:
    """{item id: HealthCheckScore} of one organisation in the round (one query)."""
    rows = HealthCheckScore.objects.filter(health_check=health_check, organisation_id=organisation_id)
    return {row.item_id: row for row in rows}


def scored_organisations(items) -> set:
    return {s.organisation_id for entry in items for s in entry.scores}
