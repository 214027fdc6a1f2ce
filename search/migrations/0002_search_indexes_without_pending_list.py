"""PostgreSQL: the search documents' GIN indexes take each new or changed document at once (fastupdate off) instead
of in a "pending list" that every search reads through row by row until a vacuum merges it.

With fastupdate on (PostgreSQL's default) every inserted document waits in that list; only VACUUM (or autovacuum's
analyse, never a manual ANALYZE) or a list over gin_pending_list_limit (4 MB) merges it. Until then a search reads
the whole list: at the benchmark's size (generated, then analysed, never vacuumed) all 20,000 decisions were still
in it, and a search for a word found nowhere cost 3 ms of database CPU for decisions alone, about as much as a
sequential scan, and the planner chose one. Writes here are a person's edits (and the cascades of
0001_stored_documents.py): updating the index at once costs them little. The lists already there are merged now.
"""

from django.db import migrations

INDEXES = [
    "msp_partnership_search",
    "stakeholders_organisation_search",
    "stakeholders_contactperson_search",
    "governance_clause_search",
    "governance_meetingpaper_search",
    "governance_minutes_search",
    "governance_decision_search",
    "monitoring_indicator_search",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"ALTER INDEX {index} SET (fastupdate = off)")
        schema_editor.execute(f"SELECT gin_clean_pending_list('{index}'::regclass)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"ALTER INDEX {index} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_stored_documents")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
