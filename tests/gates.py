"""Fake success-factor rules for tests that move a partnership forward: every catalogue item's rule is replaced by
one that says what the test sets (pass by default), and no loader reads anything. The real rules and loaders are
put back afterwards (fixtures `gate_rules` and `gates_open` in tests/conftest.py)."""

from phases import checks
from phases.catalogue import ITEMS, Result


class FakeRules:
    def __init__(self):
        self.results = {}  # item id -> (result, evidence, links)

    def say(self, item_id, result, evidence="what the data shows", links=()):
        self.results[item_id] = (result, evidence, list(links))

    def _rule(self, item_id):
        def check(facts, params):
            result, evidence, links = self.results.get(item_id, (Result.PASS, "All fine.", []))
            return checks.Finding(result, evidence, links)

        return check

    def __enter__(self):
        self.saved = dict(checks.RULES), dict(checks.LOADERS)
        checks.RULES.clear()
        checks.LOADERS.clear()
        for item in ITEMS:
            checks.RULES[item.id] = (self._rule(item.id), ())
        return self

    def __exit__(self, *exc):
        rules, loaders = self.saved
        checks.RULES.clear()
        checks.RULES.update(rules)
        checks.LOADERS.clear()
        checks.LOADERS.update(loaders)
