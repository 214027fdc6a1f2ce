"""Queries whose shape never changes, compiled once per process: the dashboard's cards ask the same questions of
every partnership, and building and compiling a query in the ORM (about 0.5 ms each) costs more than running it.

`instances(key, build, pk)` and `rows(key, build, pk)` call `build(PLACEHOLDER)` once for a `key` (what the query
depends on besides the partnership: the caller's name, a role, ...), compile it, and then run the compiled SQL with
`pk` put back wherever PLACEHOLDER was a parameter. With more ids (`rows(key, build, pk, user_pk)`), build gets as
many placeholders (PLACEHOLDERS), each put back the same way. A time (`now=`, for "from now on") is put back
where NOW was, as the database adapts it. They return what iterating the queryset returns (model
instances with their select_related objects, or values_list tuples), through the same converters.

The key must hold everything the query's shape depends on besides `pk` (msp.memo); the database alias and vendor
are added here. Queries whose SQL depends on the data (an IN list of loaded ids) are not for this module, unless
the key holds those data (then with no id: a query without placeholders, `build()`).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import get_related_populators

from .memo import Memo

# An id no row has, as a query parameter only (compiling checks that it never lands in the SQL text).
PLACEHOLDER = -731_905_004_417
PLACEHOLDERS = (PLACEHOLDER, -731_905_004_418, -731_905_004_419)
NOW = dt.datetime(1901, 2, 3, 4, 5, 6, 731_905, tzinfo=dt.UTC)
_PLANS = Memo(maxsize=256)


@dataclass(frozen=True)
class _Plan:
    sql: str
    params: tuple
    col_count: int
    # (position, converters, expression), called with the connection running the query: a backend's converters are
    # bound to the connection that compiled it, and read only settings-wide state from it (USE_TZ, the time zone).
    converters: tuple
    model: type | None  # None: values_list rows
    init_list: tuple = ()
    model_slice: slice | None = None
    related_populators: tuple = ()
    annotations: tuple = ()
    now: object = None  # NOW as the query's parameter


def instances(key, build, *ids, now=None) -> list:
    """The model instances of `build(PLACEHOLDER)`'s queryset for `pk` (as the module says)."""
    return _run(key, build, ids, as_instances=True, now=now)


def rows(key, build, *ids, now=None) -> list[tuple]:
    """The tuples of `build(PLACEHOLDER)`'s values_list() queryset for `pk` (as the module says)."""
    return _run(key, build, ids, as_instances=False, now=now)


def _run(key, build, ids, *, as_instances, now=None):
    db = DEFAULT_DB_ALIAS
    connection = connections[db]

    def make():
        queryset = build(*PLACEHOLDERS[: len(ids)], *([NOW] if now is not None else []))
        return _compile(
            queryset, as_instances, len(ids), connection.ops.adapt_datetimefield_value(NOW) if now is not None else None
        )

    plan = _PLANS.get((db, connection.vendor, as_instances, len(ids), now is not None, key), make)
    put_back = dict(zip(PLACEHOLDERS, ids, strict=False))
    params = [put_back.get(param, param) if isinstance(param, int) else param for param in plan.params]
    if now is not None:
        adapted_now = connection.ops.adapt_datetimefield_value(now)
        params = [adapted_now if plan.now is not None and _same(param, plan.now) else param for param in params]
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


def _same(param, now) -> bool:
    return type(param) is type(now) and param == now


def _compile(queryset, as_instances, count, now=None) -> _Plan:
    compiler = queryset.query.get_compiler(using=queryset.db)
    sql, params = compiler.as_sql()
    if any(str(p) in sql for p in PLACEHOLDERS) or not all(p in params for p in PLACEHOLDERS[:count]):
        raise ValueError("each placeholder must be a parameter of the query")
    if now is not None and (str(NOW.year) in sql or not any(_same(p, now) for p in params)):
        raise ValueError("the time must be a parameter of the query")
    fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
    converters = tuple((pos, tuple(convs), expr) for pos, (convs, expr) in compiler.get_converters(fields).items())
    if not as_instances:
        return _Plan(sql, tuple(params), compiler.col_count, converters, None, now=now)
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
        now,
    )
