"""Writes of the secretariat's definitions: disaggregation dimensions with their categories, and indicators.

Every service takes the acting user as `by=` and asks msp.access ("change": the secretariat; an archived partnership
refuses). A dimension change locks the partnership's row (names are unique per partnership); an indicator change
locks the indicator's row, the same lock the period services take, so a measure cannot change while a period or an
actual is being written. Refusals are ValidationErrors with the field they concern, said in words.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from governance.selectors.budget import nodes_by_key
from msp import access
from msp.models import Partnership
from stakeholders.selectors import active_member_organisations

from ..models import NUMERIC_MEASURES, Actual, Breakdown, Category, Dimension, Indicator, Period

# -- dimensions ---------------------------------------------------------------------------------------------------


def _lock_partnership(partnership):
    return Partnership.objects.select_for_update().get(pk=partnership.pk)


def _category_names(categories):
    """The categories as typed, trimmed, without empty lines; a name typed twice is refused."""
    names, seen = [], set()
    for name in categories:
        name = " ".join(str(name).split())
        if not name:
            continue
        if name.casefold() in seen:
            raise ValidationError({"categories": _("“%(name)s” is listed twice.") % {"name": name}})
        seen.add(name.casefold())
        names.append(name)
    if not names:
        raise ValidationError({"categories": _("List at least one category, one per line.")})
    return names


def _sync_categories(dimension, names):
    """Keep the categories whose names are still listed (in the new order), add the new ones and delete the others;
    a category with recorded values is never deleted."""
    existing = {c.name.casefold(): c for c in dimension.categories.all()}
    wanted = {name.casefold() for name in names}
    gone = [c for key, c in existing.items() if key not in wanted]
    used = set(Breakdown.objects.filter(category__in=gone).values_list("category__name", flat=True))
    if used:
        raise ValidationError(
            {
                "categories": _("Values were recorded for %(names)s, so they stay in the list.")
                % {"names": ", ".join(f"“{name}”" for name in sorted(used))}
            }
        )
    for category in gone:
        category.delete()
    for position, name in enumerate(names):
        category = existing.get(name.casefold()) or Category(dimension=dimension)
        if (category.name, category.position) != (name, position) or category.pk is None:
            category.name, category.position = name, position
            category.full_clean()
            category.save()


def dimension_save(*, partnership, by, dimension=None, name, categories) -> Dimension:
    """Create a dimension of `partnership` with its categories (in the order given), or change `dimension`."""
    access.require(by, "change", partnership)
    with transaction.atomic():
        partnership = _lock_partnership(partnership)
        if dimension is None:
            dimension = Dimension(partnership=partnership, position=partnership.dimensions.count())
        elif dimension.partnership_id != partnership.pk:
            raise ValidationError(_("This dimension belongs to another partnership."))
        name = " ".join(str(name or "").split())
        if partnership.dimensions.exclude(pk=dimension.pk).filter(name__iexact=name).exists():
            raise ValidationError({"name": _("There is already a dimension named “%(name)s”.") % {"name": name}})
        names = _category_names(categories)
        dimension.name = name
        dimension.full_clean()
        dimension.save()
        _sync_categories(dimension, names)
        return dimension


def dimension_delete(*, dimension, by) -> None:
    """Delete a dimension and its categories, unless values were recorded for them (the breakdown keeps them)."""
    access.require(by, "change", dimension.partnership)
    with transaction.atomic():
        _lock_partnership(dimension.partnership)
        refusal = _("Values of actuals are broken down by “%(name)s”, so it is kept.") % {"name": dimension.name}
        if Breakdown.objects.filter(category__dimension=dimension).exists():
            raise ValidationError(refusal)
        try:
            dimension.delete()
        except ProtectedError:
            raise ValidationError(refusal) from None


# -- indicators ---------------------------------------------------------------------------------------------------

INDICATOR_FIELDS = (
    "result_node_key",
    "name",
    "definition",
    "measure",
    "unit_label",
    "direction",
    "aggregation",
    "baseline_value",
    "baseline_text",
    "baseline_date",
    "responsible",
    "means_of_verification",
)


def lock_indicator(indicator):
    """The indicator's row, locked for the transaction: every change of its definition or periods takes it."""
    return Indicator.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=indicator.pk)


def _baseline_refusals(fields):
    numeric = fields["measure"] in NUMERIC_MEASURES
    if numeric and fields["baseline_text"]:
        return {"baseline_text": _("This measure takes numbers: give the baseline as a number, not in words.")}
    if numeric and fields["baseline_value"] is None:
        return {"baseline_value": _("Give the baseline as a number: progress is measured from it.")}
    if not numeric and fields["baseline_value"] is not None:
        return {"baseline_value": _("This measure takes words: write the baseline in words, not as a number.")}
    return {}


def _measure_refusals(indicator, measure):
    """A change between numbers and words while values of the other kind are recorded would lose them."""
    if indicator.pk is None or (indicator.measure in NUMERIC_MEASURES) == (measure in NUMERIC_MEASURES):
        return {}
    if Actual.objects.filter(period__indicator=indicator).exists():
        return {
            "measure": _(
                "Actual values are recorded in the current measure, so it cannot change between "
                "numbers and words. Define a new indicator instead."
            )
        }
    kind = {"target_value__isnull": False} if indicator.is_numeric else {"target_text__gt": ""}
    if Period.objects.filter(indicator=indicator, **kind).exists():
        return {
            "measure": _(
                "Its periods have targets in the current measure: clear them before the measure "
                "changes between numbers and words."
            )
        }
    return {}


def _indicator_refusals(partnership, indicator, fields, dimensions):
    errors = _baseline_refusals(fields) | _measure_refusals(indicator, fields["measure"])
    key = fields["result_node_key"]
    if key not in nodes_by_key(partnership) and (indicator.pk is None or key != indicator.result_node_key):
        errors["result_node_key"] = _("Choose a result of the partnership's results chain.")
    responsible = fields["responsible"]
    if not active_member_organisations(partnership).filter(pk=responsible.pk).exists() and (
        indicator.pk is None or responsible.pk != indicator.responsible_id
    ):
        errors["responsible"] = _("%(org)s is not an active member of this partnership.") % {"org": responsible}
    if any(d.partnership_id != partnership.pk for d in dimensions):
        errors["dimensions"] = _("Choose the partnership's own dimensions.")
    return errors


def indicator_save(*, partnership, by, indicator=None, sdg_targets=(), dimensions=(), **fields) -> Indicator:
    """Create an indicator of `partnership`, or change `indicator`. `fields` are INDICATOR_FIELDS. A numeric measure
    (unit, percentage) takes a baseline number, the others words; the measure does not change between the two once
    values are recorded."""
    access.require(by, "change", partnership)
    fields = {name: fields.get(name) for name in INDICATOR_FIELDS}
    for name in ("name", "definition", "unit_label", "baseline_text", "means_of_verification"):
        fields[name] = (fields[name] or "").strip()
    dimensions = list(dimensions)
    with transaction.atomic():
        if indicator is None:
            indicator = Indicator(partnership=partnership, position=partnership.indicators.count())
        else:
            indicator = lock_indicator(indicator)
            if indicator.partnership_id != partnership.pk:
                raise ValidationError(_("This indicator belongs to another partnership."))
        if errors := _indicator_refusals(partnership, indicator, fields, dimensions):
            raise ValidationError(errors)
        for name, value in fields.items():
            setattr(indicator, name, value)
        indicator.full_clean()
        indicator.save()
        indicator.sdg_targets.set(sdg_targets)
        indicator.dimensions.set(dimensions)
        return indicator


def indicator_delete(*, indicator, by) -> None:
    """Delete an indicator with its periods, only while no actual value is recorded (the activity feed keeps the
    record of what it was)."""
    access.require(by, "change", indicator.partnership)
    with transaction.atomic():
        indicator = lock_indicator(indicator)
        if Actual.objects.filter(period__indicator=indicator).exists():
            raise ValidationError(
                _("Actual values are recorded for “%(name)s”, so it is kept.") % {"name": indicator.name}
            )
        indicator.delete()
