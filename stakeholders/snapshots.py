"""The stakeholder map as it stood when the partnership changed phase, stored on the transition
(registered with phases.snapshots from the AppConfig's ready)."""

from phases import snapshots

from .models import StakeholderMapEntry


def stakeholder_map(partnership) -> list[dict]:
    """Every map entry: the organisation (id and name), its scores, engagement and flags. One query."""
    entries = (
        StakeholderMapEntry.objects.filter(partnership=partnership)
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    return [
        {
            "organisation": entry.organisation_id,
            "name": entry.organisation.name,
            "power": entry.power,
            "interest": entry.interest,
            "influence": entry.influence,
            "engagement": entry.engagement,
            "target_group": entry.is_target_group,
            "key": entry.is_key,
            "champion": entry.is_champion,
        }
        for entry in entries
    ]


snapshots.register("stakeholder_map", stakeholder_map)
