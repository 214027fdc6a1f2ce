"""Append-only records: rows that say what someone did (a phase move, an approval, a signature, an audit entry).

Once written they are never changed or deleted, on every path:

- `AppendOnlyModel.save()` refuses to write an existing row, `delete()` refuses always;
- `AppendOnlyQuerySet.update()` / `.delete()` (the bulk paths that skip `save`) refuse;
- foreign keys *to* the partnership or version they belong to are `PROTECT`, so a cascade cannot take them;
- on PostgreSQL, `AppendOnlyTrigger` (a migration operation) adds a BEFORE UPDATE OR DELETE trigger, for raw SQL
  and anything else that bypasses the ORM.

The trigger lets through one change: a user reference set to NULL (`ON DELETE SET NULL` when an account is
deleted), named in `nullable_user_columns`; the record keeps the names it stores as text. TRUNCATE fires no row
trigger, so a test database can still be flushed.
"""

from django.db import models
from django.db.migrations.operations.base import Operation
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """A change or deletion of a record that is kept as it was written."""

    def __init__(self, model=None):
        name = model._meta.verbose_name_plural if model is not None else _("records of this kind")
        super().__init__(
            _("These records (%(records)s) are kept as they were written: they cannot be changed or deleted.")
            % {"records": name}
        )


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk writes refused: `update()` and `delete()` would skip the model's own refusal."""

    def update(self, **kwargs):
        raise AppendOnlyError(self.model)

    def delete(self):
        raise AppendOnlyError(self.model)

    delete.queryset_only = True

    def _raw_delete(self, using):
        raise AppendOnlyError(self.model)


class AppendOnlyModel(models.Model):
    """A record written once. Subclasses keep their own manager if they need one, built on AppendOnlyQuerySet."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(type(self))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(type(self))


def _trigger_sql(table, nullable_user_columns):
    name = f"{table}_append_only"
    # A row may only lose a user reference (SET NULL when the account is deleted); everything else is refused.
    kept = "".join(f" - '{column}'" for column in nullable_user_columns)
    nulled = "".join(
        f" AND (NEW.{column} IS NULL OR NEW.{column} IS NOT DISTINCT FROM OLD.{column})"
        for column in nullable_user_columns
    )
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW){kept}) = (to_jsonb(OLD){kept}){nulled} THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% on %: rows are append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
DROP TRIGGER IF EXISTS {name} ON {table};
CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();
"""


def _drop_sql(table):
    name = f"{table}_append_only"
    return f"DROP TRIGGER IF EXISTS {name} ON {table}; DROP FUNCTION IF EXISTS {name}();"


class AppendOnlyTrigger(Operation):
    """Migration operation: on PostgreSQL, refuse UPDATE and DELETE of the model's rows in the database itself.

    Other databases are left alone (SQLite flushes test databases with DELETE, which a trigger would refuse; the
    ORM guards above hold there).
    """

    reduces_to_sql = True
    reversible = True

    def __init__(self, model_name, nullable_user_columns=()):
        self.model_name = model_name
        self.nullable_user_columns = tuple(nullable_user_columns)

    def deconstruct(self):
        kwargs = {"model_name": self.model_name}
        if self.nullable_user_columns:
            kwargs["nullable_user_columns"] = self.nullable_user_columns
        return self.__class__.__qualname__, [], kwargs

    def state_forwards(self, app_label, state):
        pass

    def _table(self, app_label, state):
        return state.apps.get_model(app_label, self.model_name)._meta.db_table

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                _trigger_sql(self._table(app_label, to_state), self.nullable_user_columns), params=None
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(_drop_sql(self._table(app_label, from_state)), params=None)

    def describe(self):
        return f"Refuse UPDATE and DELETE of {self.model_name} rows (PostgreSQL trigger)"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name.lower()}_append_only"
