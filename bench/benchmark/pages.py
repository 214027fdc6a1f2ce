"""What the benchmark loads: the issue's key pages, the REST API's list endpoints and the floor page, all on the
"largest" partnership (the most indicator values, then the most members) that the benchmark's user runs as
secretariat."""

import dataclasses
import re
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from monitoring.models import Actual
from msp.access import partnerships_where
from msp.models import Partnership
from stakeholders.models import Membership

# The floor: the cheapest signed-in page through the same middleware (a form with no data behind it).
FLOOR = "floor"

# Queries per request of every page, as bench.benchmark.queries counts them for bench_secretariat: pinned at two
# generated sizes by tests/bench/test_key_page_queries.py; the benchmark compares its own count at its size. (The
# second of two requests: the dashboard's checklist card reads the items of runs it has drawn before no more.)
QUERIES = {
    "floor": 2, "my_work": 8, "partnerships": 8, "dashboard": 27, "map": 6, "registry": 6, "member_add": 4,
    "members": 5, "roadmap": 12, "mou": 5, "decisions": 6, "resources": 9, "indicators": 9, "checklist": 9,
    "activity": 8, "search": 11, "api_partnerships": 6, "api_indicators": 7, "api_members": 5, "api_decisions": 5,
}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class Page:
    key: str
    label: str
    path: str
    api: bool = False

    @property
    def floor(self) -> bool:
        return self.key == FLOOR


def largest_partnership(user) -> Partnership | None:
    """Of the partnerships `user` runs (may change), the one with the most indicator values, then members."""
    ids = list(partnerships_where(user, "change").values_list("pk", flat=True))
    if not ids:
        return None
    values = Actual.objects.filter(period__indicator__partnership__in=ids).order_by()
    values = dict(values.values_list("period__indicator__partnership").annotate(n=Count("pk")))
    members = Membership.objects.filter(partnership__in=ids).order_by()
    members = dict(members.values_list("partnership").annotate(n=Count("pk")))
    best = max(ids, key=lambda pk: (values.get(pk, 0), members.get(pk, 0), -pk))
    return Partnership.objects.get(pk=best)


def search_word(partnership) -> str:
    """A realistic word to search for: the longest word of the partnership's name but "partnership" (it finds at
    least that partnership, and whatever else bears the word)."""
    words = [w for w in re.findall(r"[^\W\d_]{4,}", partnership.name) if w.lower() != "partnership"]
    return max(words, key=len) if words else "partnership"


def key_pages(partnership_pk: int, word: str) -> list[Page]:
    """The floor first, then the issue's key pages, then the API's list endpoints."""
    p = {"partnership_pk": partnership_pk}
    html = [
        (FLOOR, "Floor: password change", reverse("password_change")),
        ("my_work", "My work", reverse("inbox:my_work")),
        ("partnerships", "Partnership list", reverse("msp:partnership_list")),
        ("dashboard", "Dashboard", reverse("msp:dashboard", kwargs=p)),
        ("map", "Stakeholder map", reverse("stakeholders:map", kwargs=p)),
        ("registry", "Organisation registry", reverse("organisations:list")),
        ("member_add", "Add-member form", reverse("stakeholders:member_add", kwargs=p)),
        ("members", "Members", reverse("stakeholders:members", kwargs=p)),
        ("roadmap", "Roadmap", reverse("governance:roadmap", kwargs=p)),
        ("mou", "MoU", reverse("governance:mou_list", kwargs=p)),
        ("decisions", "Decision log", reverse("governance:decisions", kwargs=p)),
        ("resources", "Resources", reverse("governance:resources", kwargs=p)),
        ("indicators", "Indicator table", reverse("monitoring:indicators", kwargs=p)),
        ("checklist", "Checklist", reverse("phases:checklist", kwargs=p)),
        ("activity", "Activity", reverse("msp:activity", kwargs=p)),
        ("search", f"Search ({word})", f"{reverse('search:results')}?{urlencode({'q': word})}"),
    ]
    api = [
        ("api_partnerships", "API: partnerships", reverse("api:partnership_list")),
        ("api_indicators", "API: indicators", reverse("api:indicator_list", kwargs=p)),
        ("api_members", "API: members", reverse("api:member_list", kwargs=p)),
        ("api_decisions", "API: decisions", reverse("api:decision_list", kwargs=p)),
    ]
    return [Page(*row) for row in html] + [Page(*row, api=True) for row in api]
