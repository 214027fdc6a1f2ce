"""Queries whose shape never changes, compiled once per process: the dashboard's cards ask the same questions of
every partnership, and building and compiling a query in the ORM (about 0.5 ms each) costs more than running it.

`instances(key, build, pk)` and `rows(key, build, pk)` call `build(PLACEHOLDER)` once for a `key` (what the query
depends on besides the partnership: the caller's name, a role, ...), compile it, and then run the compiled SQL with
`pk` put back wherever PLACEHOLDER was a parameter. They return what iterating the queryset returns (model
instances with their select_related objects, or values_list tuples), through the same converters.

The key must hold everything the query's shape depends on besides `pk` (msp.memo); the database alias and vendor
are added here. Queries whose SQL depends on the data (an IN list of loaded ids) are not for this module, unless
the key holds those data (then `pk` may be None: a query without the placeholder).
"""

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import get_related_populators

from .memo import Memo

# An id no row has, as a query parameter only (compiling checks that it never lands in the SQL text).
PLACEHOLDER = -731_905_004_417
_PLANS = Memo(maxsize=256)


@dataclass(frozen=True)
class _Plan:
    sql: str
    params: tuple
    col_count: int
    converters: tuple  # (position, converters, expression)
    model: type | None  # None: values_list rows
    init_list: tuple = ()
    model_slice: slice | None = None
    related_populators: tuple = ()
    annotations: tuple = ()


def instances(key, build, pk) -> list:
    """The model instances of `build(PLACEHOLDER)`'s queryset for `pk` (as the module says)."""
    return _run(key, build, pk, as_instances=True)


def rows(key, build, pk) -> list[tuple]:
    """The tuples of `build(PLACEHOLDER)`'s values_list() queryset for `pk` (as the module says)."""
    return _run(key, build, pk, as_instances=False)


def _run(key, build, pk, *, as_instances):
    queryset = None

    def make():
        nonlocal queryset
        queryset = build(PLACEHOLDER)
        return _compile(queryset, as_instances, pk)

    db = DEFAULT_DB_ALIAS
    connection = connections[db]
    plan = _PLANS.get((db, connection.vendor, as_instances, key), make)
    params = [pk if param == PLACEHOLDER else param for param in plan.params]
    with connection.cursor() as cursor:
        cursor.execute(plan.sql, params)
        fetched = cursor.fetchall()
    found = []
    for row in fetched:
        row = list(row[: plan.col_count])
        for position, converters, expression in plan.converters:
            value = row[position]
            for converter in converters:
                value = converter(value, expression, connection)
            row[position] = value
        if plan.model is None:
            found.append(tuple(row))
            continue
        obj = plan.model.from_db(db, plan.init_list, row[plan.model_slice])
        for populator in plan.related_populators:
            populator.populate(row, obj)
        for name, position in plan.annotations:
            setattr(obj, name, row[position])
        found.append(obj)
    return found


def _compile(queryset, as_instances, pk) -> _Plan:
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    if str(PLACEHOLDER) in sql or (pk is not None and PLACEHOLDER not in params):
        raise ValueError("the placeholder must be a parameter of the query")
    fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
    converters = tuple((pos, tuple(convs), expr) for pos, (convs, expr) in compiler.get_converters(fields).items())
    if not as_instances:
        return _Plan(sql, tuple(params), compiler.col_count, converters, None)
    klass_info = compiler.klass_info
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    return _Plan(
        sql,
        tuple(params),
        compiler.col_count,
        converters,
        klass_info["model"],
        tuple(f[0].target.attname for f in compiler.select[start:end]),
        slice(start, end),
        tuple(get_related_populators(klass_info, compiler.select, queryset.db)),
        tuple((compiler.annotation_col_map or {}).items()),
    )
