"""transfer is a top layer beside inbox: it reads the apps below, and nothing imports it (inbox neither)."""

from tests.test_import_graph import graph


def test_no_other_app_imports_transfer_and_transfer_does_not_import_inbox():
    edges = graph()
    importers = sorted(
        m
        for m, targets in edges.items()
        if not m.startswith("transfer") and any(t.split(".")[0] == "transfer" for t in targets)
    )
    assert importers == []
    assert not [
        m for m, targets in edges.items() if m.startswith("transfer") and any(t.startswith("inbox") for t in targets)
    ]
