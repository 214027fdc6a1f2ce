"""PostgreSQL: every searched record keeps its weighted search document (title A, body B, in its partnership's
working language; the registry's organisations and contact persons word for word) in a `search_document` column,
filled by triggers on every write and behind a GIN index, so a search reads the matches from the index instead of
parsing every record the person may open (2 s for 20,000 decisions at the benchmark's size; docs/performance.md).

The column is the database's alone: no model declares it (search.engines reads it), so SQLite and the ORM's writes
are unchanged. A record's document changes with what it is built from: its own fields (row trigger), its
partnership's working language, its meeting's title and its organisation's name (cascade triggers).
"""

from django.db import migrations

FUNCTIONS = """
CREATE OR REPLACE FUNCTION search_config(language varchar) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE language WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german'
          ELSE 'simple' END)::regconfig
$$;
CREATE OR REPLACE FUNCTION search_document(config regconfig, title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(config, coalesce(title, '')), 'A')
      || setweight(to_tsvector(config, coalesce(body, '')), 'B')
$$;
CREATE OR REPLACE FUNCTION search_partnership_config(partnership bigint) RETURNS regconfig
LANGUAGE sql STABLE AS $$
  SELECT search_config((SELECT language FROM msp_partnership WHERE id = partnership))
$$;
"""

# table -> (config, title, body): SQL over NEW, as search.scopes searches them (fields joined by a space).
DOCUMENTS = {
    "msp_partnership": (
        "search_config(NEW.language)",
        "NEW.name",
        "coalesce(NEW.problem_statement, '') || ' ' || coalesce(NEW.vision, '') || ' ' "
        "|| coalesce(NEW.planned_approach, '')",
    ),
    "stakeholders_organisation": (
        "'simple'::regconfig",
        "coalesce(NEW.name, '') || ' ' || coalesce(NEW.short_name, '')",
        "NEW.description",
    ),
    "stakeholders_contactperson": (
        "'simple'::regconfig",
        "NEW.name",
        "coalesce(NEW.job_title, '') || ' ' || coalesce((SELECT name FROM stakeholders_organisation "
        "WHERE id = NEW.organisation_id), '')",
    ),
    "governance_clause": (
        "search_partnership_config((SELECT partnership_id FROM governance_mouversion WHERE id = NEW.version_id))",
        "NEW.title",
        "NEW.text",
    ),
    "governance_meetingpaper": (
        "search_partnership_config((SELECT partnership_id FROM governance_meeting WHERE id = NEW.meeting_id))",
        "NEW.title",
        "NEW.original_filename",
    ),
    "governance_minutes": (
        "search_partnership_config((SELECT partnership_id FROM governance_meeting WHERE id = NEW.meeting_id))",
        "(SELECT title FROM governance_meeting WHERE id = NEW.meeting_id)",
        "NEW.text",
    ),
    "governance_decision": ("search_partnership_config(NEW.partnership_id)", "NEW.title", "NEW.text"),
    "monitoring_indicator": (
        "search_partnership_config(NEW.partnership_id)",
        "NEW.name",
        "coalesce(NEW.definition, '') || ' ' || coalesce(NEW.unit_label, '')",
    ),
}

# When what a document is built from changes elsewhere: (table, condition, statements); setting the column to NULL
# makes the row trigger rebuild it.
CASCADES = [
    (
        "msp_partnership",
        "NEW.language IS DISTINCT FROM OLD.language",
        """
        UPDATE governance_clause SET search_document = NULL
         WHERE version_id IN (SELECT id FROM governance_mouversion WHERE partnership_id = NEW.id);
        UPDATE governance_meetingpaper SET search_document = NULL
         WHERE meeting_id IN (SELECT id FROM governance_meeting WHERE partnership_id = NEW.id);
        UPDATE governance_minutes SET search_document = NULL
         WHERE meeting_id IN (SELECT id FROM governance_meeting WHERE partnership_id = NEW.id);
        UPDATE governance_decision SET search_document = NULL WHERE partnership_id = NEW.id;
        UPDATE monitoring_indicator SET search_document = NULL WHERE partnership_id = NEW.id;
        """,
    ),
    (
        "stakeholders_organisation",
        "NEW.name IS DISTINCT FROM OLD.name",
        "UPDATE stakeholders_contactperson SET search_document = NULL WHERE organisation_id = NEW.id;",
    ),
    (
        "governance_meeting",
        "NEW.title IS DISTINCT FROM OLD.title OR NEW.partnership_id IS DISTINCT FROM OLD.partnership_id",
        """
        UPDATE governance_minutes SET search_document = NULL WHERE meeting_id = NEW.id;
        UPDATE governance_meetingpaper SET search_document = NULL WHERE meeting_id = NEW.id;
        """,
    ),
    (
        "governance_mouversion",
        "NEW.partnership_id IS DISTINCT FROM OLD.partnership_id",
        "UPDATE governance_clause SET search_document = NULL WHERE version_id = NEW.id;",
    ),
]


def _document_sql(table, config, title, body):
    return f"""
ALTER TABLE {table} ADD COLUMN search_document tsvector;
CREATE FUNCTION {table}_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_document := search_document({config}, {title}, {body});
  RETURN NEW;
END $$;
CREATE TRIGGER {table}_search_document BEFORE INSERT OR UPDATE ON {table}
  FOR EACH ROW EXECUTE FUNCTION {table}_search_document();
UPDATE {table} SET search_document = NULL;
CREATE INDEX {table}_search ON {table} USING gin (search_document);
"""


def _cascade_sql(table, condition, statements):
    return f"""
CREATE FUNCTION {table}_search_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF {condition} THEN
    {statements}
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER {table}_search_cascade AFTER UPDATE ON {table}
  FOR EACH ROW EXECUTE FUNCTION {table}_search_cascade();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIONS)
    for table, parts in DOCUMENTS.items():
        schema_editor.execute(_document_sql(table, *parts))
    for cascade in CASCADES:
        schema_editor.execute(_cascade_sql(*cascade))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, *_ in CASCADES:
        schema_editor.execute(
            f"DROP TRIGGER {table}_search_cascade ON {table}; DROP FUNCTION {table}_search_cascade();"
        )
    for table in DOCUMENTS:
        schema_editor.execute(
            f"DROP TRIGGER {table}_search_document ON {table}; DROP FUNCTION {table}_search_document(); "
            f"ALTER TABLE {table} DROP COLUMN search_document;"
        )
    schema_editor.execute(
        "DROP FUNCTION search_partnership_config(bigint); DROP FUNCTION search_document(regconfig, text, text); "
        "DROP FUNCTION search_config(varchar);"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("msp", "0011_notices"),
        ("stakeholders", "0006_organisation_type_name_in_french"),
        ("governance", "0015_decision_topic"),
        ("monitoring", "0003_reports"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
