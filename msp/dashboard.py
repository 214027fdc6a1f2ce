"""msp's own dashboard cards and tabs (see msp.registry)."""

from django.utils.translation import gettext_lazy as _

from . import activity as activity_text
from . import compiled, selectors
from .models import Partnership, Role
from .registry import Card, Tab, register_card, register_tab

register_tab(Tab("dashboard", _("Dashboard"), "msp:dashboard", order=0, action="view_summary"))
register_tab(Tab("activity", _("Activity"), "msp:activity", order=90))
register_tab(Tab("roles", _("People & roles"), "msp:roles", order=95, action="manage_roles"))
register_tab(Tab("edit", _("Edit"), "msp:partnership_edit", order=99, action="change"))


def key_facts(request, partnership):
    pk = partnership.pk
    return {
        "countries": compiled.instances("msp.dashboard.countries", lambda p: Partnership(pk=p).countries.all(), pk),
        "goals": compiled.instances("msp.dashboard.goals", lambda p: Partnership(pk=p).sdg_goals.all(), pk),
        "targets": compiled.instances("msp.dashboard.targets", lambda p: Partnership(pk=p).sdg_targets.all(), pk),
    }


def roles(request, partnership):
    by_role = {role: [] for role in Role.values}
    # The names the card shows, not the accounts' passwords, e-mails and dates.
    shown = ("role", "user__username", "user__first_name", "user__last_name")
    for partnership_role in compiled.instances(
        "msp.dashboard.roles", lambda p: selectors.roles_for(p).only(*shown), partnership.pk
    ):
        by_role[partnership_role.role].append(partnership_role.user)
    return {"by_role": [(Role(role).label, users) for role, users in by_role.items()]}


# A glance, not the record: the activity page has every field's old and new value.
RECENT_ACTIVITY = 5


def activity(request, partnership):
    # Not the whole object each entry serialised (JSON, decoded per row) nor the changes as text: the line needs
    # the changes, the action, the object's name and type, the actor and the time.
    # The sources are registered at start-up, so the query's shape is the same for every partnership: compiled once.
    entries = compiled.instances("msp.dashboard.activity", _recent_activity, partnership.pk)
    return {"entries": [(entry, activity_text.summarise(entry)) for entry in entries]}


def _recent_activity(pk):
    return selectors.activity_for(pk).defer("serialized_data", "changes_text")[:RECENT_ACTIVITY]


register_card(Card("key_facts", "msp/cards/key_facts.html", order=10, context=key_facts, action="view_summary"))
register_card(Card("roles", "msp/cards/roles.html", order=20, context=roles))
register_card(Card("activity", "msp/cards/activity.html", order=90, context=activity, wide=True))
