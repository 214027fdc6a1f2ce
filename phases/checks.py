"""The checklist engine: a registry that the apps add their success-factor rules to (like Django's system-check
framework), and the evaluation of a partnership against the catalogue (phases.catalogue).

Each app that holds data a rule reads registers, in its `checks.py` (imported from its AppConfig.ready):
- a *loader*: `@loader("governance")` on `load(partnership, today) -> object`, which reads everything that app's
  rules need with a bounded number of queries, whatever the partnership's size;
- its *rules*: `@rule("SR-6", needs="governance")` on `check(facts, params) -> Finding`, a plain function of the
  loaded data (`facts.governance`, `facts.partnership`, `facts.today`, `facts.leaving`) and of the item's parameters
  (the installation defaults, overridden per partnership), returning a result with its evidence in plain words and
  links to the records concerned.

`phases` imports no app above it: the rules come to it. The engine turns the rules' findings into what the checklist
shows: an item outside the partnership's phases is "not applicable"; a MANUAL item is what a person judged, until the
judgement goes stale; an ASSISTED item shows the data's hint, and a hint that passes needs a person's confirmation
(a person may confirm or reject any hint, with a note). Gates use the findings as they are, for the phase being left.
"""

import contextvars
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from .catalogue import CATALOGUE, ITEMS, Area, Kind, Result

LOADERS: dict[str, Callable] = {}
RULES: dict[str, tuple[Callable, tuple]] = {}
# What the loaders of one `load` share ({key: value}), so rows two apps' rules read are read once; None outside.
_SHARED = contextvars.ContextVar("checks_shared", default=None)


@dataclass
class Finding:
    result: str  # a Result value
    evidence: str = ""  # in plain words, in the active language: "2 of 5 members have no commitment: A, B"
    links: list = field(default_factory=list)  # [(label, url)] of the records concerned


@dataclass
class Facts:
    partnership: object
    today: dt.date
    leaving: int | None = None  # the phase whose gate is being run, or None for the checklist
    data: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass
class Judgement:
    """What the engine needs of a person's judgement (the stored row has more)."""

    result: str  # PASS, WARN or FAIL
    note: str
    at: dt.datetime


@dataclass
class Outcome:
    item: object  # catalogue Item
    result: str
    evidence: str
    links: list
    finding: Finding  # what the data said (for an ASSISTED item, the hint)
    judgement: Judgement | None = None
    stale: bool = False  # a judgement exists but is too old


def loader(name):
    def register(function):
        LOADERS[name] = function
        return function

    return register


def rule(item_id, needs=()):
    if item_id not in CATALOGUE:
        raise KeyError(f"{item_id} is not in the success-factor catalogue")
    needs = (needs,) if isinstance(needs, str) else tuple(needs)

    def register(function):
        RULES[item_id] = (function, needs)
        return function

    return register


def shared(key, compute):
    """`compute()`, once per `load`: the loaders that read the same rows (the active members, the budget's rows)
    ask for them by `key` and get the same objects, which the rules only read. Outside a load, computed each time.
    The key must say everything the value depends on besides the partnership and the day being loaded."""
    cache = _SHARED.get()
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def load(partnership, *, today=None, leaving=None, only=None) -> Facts:
    """Everything the rules read, loaded once: each registered loader (or those `only` names)."""
    today = today or timezone.localdate()
    facts = Facts(partnership, today, leaving)
    token = _SHARED.set({})
    try:
        for name, function in LOADERS.items():
            if only is None or name in only:
                facts.data[name] = function(partnership, today)
    finally:
        _SHARED.reset(token)
    return facts


def find(item, facts, params) -> Finding:
    """The rule's finding for `item`, or "needs confirmation" for an item no rule covers yet."""
    entry = RULES.get(item.id)
    if entry is None:
        return Finding(Result.CONFIRM)
    function, _needs = entry
    return function(facts, {**item.params, **params.get(item.id, {})})


def stale_since(judgement, item, params) -> dt.date:
    """The day after which `judgement` of `item` no longer counts (its `stale_months`, 6 by default)."""
    months = params.get(item.id, {}).get("stale_months", item.params.get("stale_months", 6))
    return judgement.at.date() + dt.timedelta(days=round(months * 30.44))


def is_stale(judgement, item, params, today) -> bool:
    return stale_since(judgement, item, params) < today


def outcome(item, facts, params, judgement=None) -> Outcome:
    """What the checklist shows for `item` on the partnership's current phase."""
    finding = find(item, facts, params)
    stale = judgement is not None and is_stale(judgement, item, params, facts.today)
    current = None if stale else judgement
    if facts.partnership.phase not in item.phases:
        result = Result.NOT_APPLICABLE
    elif item.kind == Kind.MANUAL or (item.kind == Kind.ASSISTED and current is not None):
        result = current.result if current is not None else Result.CONFIRM
    elif item.kind == Kind.ASSISTED and finding.result == Result.PASS:
        result = Result.CONFIRM
    else:
        result = finding.result
    return Outcome(item, result, finding.evidence, finding.links, finding, judgement, stale)


def evaluate(partnership, *, today=None, params=None, judgements=None) -> list[Outcome]:
    """Every catalogue item's outcome. `params`: {item id: {name: value}} overrides; `judgements`: {item id:
    Judgement} the latest judgement of each item."""
    facts = load(partnership, today=today)
    params, judgements = params or {}, judgements or {}
    return [outcome(item, facts, params, judgements.get(item.id)) for item in ITEMS]


def health(outcomes) -> dict:
    """{area code or "overall": share in 0..1 or None}: (pass + ½ warn) / (pass + warn + fail) over the items
    that apply; "needs confirmation" and "not applicable" are left out of both sides."""
    counts = {area: [0, 0] for area in [*Area.values, "overall"]}
    for o in outcomes:
        if o.result in (Result.PASS, Result.WARN, Result.FAIL):
            score = 1 if o.result == Result.PASS else 0.5 if o.result == Result.WARN else 0
            for key in (o.item.area, "overall"):
                counts[key][0] += score
                counts[key][1] += 1
    return {key: (got / total if total else None) for key, (got, total) in counts.items()}
