"""Snapshots of what a partnership looked like when it changed phase, stored on the transition.

`phases` imports no app above it, so the apps that hold the data register a function here (from their
AppConfig.ready): `register("stakeholder_map", function)`, where `function(partnership)` returns something JSON can
store. Every phase transition stores `{name: function(partnership)}` for each registered name.
"""

from collections.abc import Callable

SNAPSHOTS: dict[str, Callable] = {}


def register(name, function):
    SNAPSHOTS[name] = function
    return function


def take(partnership) -> dict:
    """{name: snapshot} of every registered snapshot, as the partnership stands now."""
    return {name: function(partnership) for name, function in SNAPSHOTS.items()}
