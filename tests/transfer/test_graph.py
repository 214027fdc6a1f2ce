"""The export finds its models from the model graph; every model of the project is exported, referenced, or left
out with a reason."""

import pytest

from transfer import graph


def test_every_model_of_the_project_is_exported_referenced_or_excluded_with_a_reason():
    unclassified = [name for name, kind in graph.classify().items() if kind == "unclassified"]
    assert not unclassified, (
        f"{unclassified}: a model with no foreign-key path to the partnership. Export it (transfer.graph.GENERIC "
        "or SOFT_KEYS) or add it to transfer.graph.EXCLUDED with the reason."
    )


def test_a_model_no_longer_excluded_shows_up_as_unclassified(monkeypatch):
    monkeypatch.setattr(graph, "EXCLUDED", {k: v for k, v in graph.EXCLUDED.items() if k != "governance.exchangerate"})
    assert graph.classify()["governance.exchangerate"] == "unclassified"


def test_it_finds_records_hanging_from_the_partnership_through_other_records():
    scoped = graph.scoped_models()
    assert scoped["monitoring.breakdown"][1] == "actual"  # breakdown -> actual -> period -> indicator -> partnership
    assert scoped["governance.decision"][1] == "partnership"  # the direct key wins over the others
    assert list(scoped)[0] == graph.ROOT
    assert list(scoped)[-2:] == ["msp.storeddocument", "msp.activityentry"]


@pytest.mark.parametrize("name", sorted(graph.EXCLUDED))
def test_excluded_models_exist_and_say_why(name):
    assert graph.classify()[name].startswith("excluded: ")
    assert len(graph.EXCLUDED[name]) > 20


def test_no_secret_of_a_person_is_exported():
    assert "auth.user" in graph.REFERENCE  # written by transfer.export.Exporter.users: names, e-mail, roles only
    assert not {"sessions.session", "auth.permission", "auth.group"} & set(graph.scoped_models())
