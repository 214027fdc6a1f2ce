"""How a source is searched. PostgreSQL: full-text search (a weighted document per record, in its partnership's
working language, kept by the database itself in a `search_document` column behind a GIN index: see
search/migrations/0001_stored_documents.py; ranked, with headlines marking the matched words, stems included); SQLite: every word must occur
somewhere (icontains), a record whose title holds the words ranks above one that only mentions them. `strategy()`
is the one place that looks at the database backend.

Each engine returns, for a source, up to `limit` rows (dicts) best first, with "rank", "marked_title" and
"marked_body" (see search.marks), "pk", "partnership_pk", "partnership_name" and the source's `needs`: one query.
"""

import operator
from functools import reduce

from django.db import connection
from django.db.models import CharField, Expression, F, FloatField, Func, IntegerField, Q, TextField, Value
from django.db.models.expressions import Case, When
from django.db.models.functions import Coalesce, Concat

from msp.memo import Memo

from . import marks

# A partnership's working language -> its PostgreSQL text search configuration; the registry, shared by all
# partnerships, is searched word for word ("simple").
CONFIGS = {"en": "english", "fr": "french", "de": "german"}


class StoredDocument(Expression):
    """The `search_document` column (PostgreSQL only, no model declares it) of the table that holds `column`, a
    path to one of that table's columns: the path makes the join, the column names its alias."""

    def __init__(self, column):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())
        self.column = F(column)

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.column.alias)}.search_document", []


def in_language(text, path):
    """The words as a query in the working language `path` names (search_config(): CONFIGS, "simple" for any
    other), as a CASE whose every branch is a query in a fixed configuration: PostgreSQL turns each into a constant
    once, where websearch_to_tsquery(search_config(language), ...) would parse the words again for every row and
    every use (the match, the rank, the headline: 11 of 14 ms for "partnership" in clauses at the benchmark's size)."""
    from django.contrib.postgres.search import SearchQuery

    class InLanguage(SearchQuery):  # a SearchQuery, as the @@ lookup wants, whose SQL is its one expression's
        template = "%(expressions)s"

    def query(name):
        return SearchQuery(text, config=Value(name), search_type="websearch")

    cases = [When(**{path: code}, then=query(name)) for code, name in CONFIGS.items()]
    return InLanguage(Case(*cases, default=query("simple")))


def strategy():
    """The engine for the database in use."""
    return postgres if connection.vendor == "postgresql" else simple


def _partnership_values(source):
    if source.partnership is None:
        return {"partnership_pk": Value(None, output_field=IntegerField()), "partnership_name": Value("")}
    prefix = f"{source.partnership}__" if source.partnership else ""
    return {"partnership_pk": F(f"{prefix}pk"), "partnership_name": F(f"{prefix}name")}


def _values(queryset, source, limit, *fields, **expressions):
    values = queryset.values("pk", "rank", *source.needs, *fields, **_partnership_values(source), **expressions)
    return (values.distinct() if source.distinct else values)[:limit]


def _rows(queryset, source, limit, *fields, **expressions):
    return list(_values(queryset, source, limit, *fields, **expressions))


# PostgreSQL: a source's query for one person differs from one search to the next only by the words searched for,
# and building and compiling it costs more than running it (about 4 ms a source). So it is compiled once with a
# placeholder for the words (keyed by the caller: who searches, with which rights) and run with the words put in.
_PLACEHOLDER = "\ue002msp search words\ue002"
_COMPILED = Memo(maxsize=512)


def postgres(source, text, limit, key=None):
    """As the module says; `key`: what the source's query depends on besides `text` (None: compile every time).
    A compiled query spares building the source's queryset too (search.scopes builds it when first read)."""
    if key is None:
        compiled = _compile(source, text, limit)
    else:
        compiled = _COMPILED.get(key, lambda: _compile(source, _PLACEHOLDER, limit))
    sql, params, names = compiled
    with connection.cursor() as cursor:
        cursor.execute(sql, [text if param == _PLACEHOLDER else param for param in params])
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _compile(source, text, limit):
    """The source's SQL, its parameters and the names of a row's values."""
    query = _postgres_query(source, text, limit).query
    sql, params = query.sql_with_params()
    # As Django's ValuesIterable names a row's values.
    names = list(query.selected) if query.selected else [*query.values_select, *query.annotation_select]
    return sql, tuple(params), names


def _postgres_query(source, text, limit):
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank

    if source.partnership is None or not source.by_language:
        config = Value("simple")
        query = matches = SearchQuery(text, config=config, search_type="websearch")
    else:
        path = f"{source.partnership}__language" if source.partnership else "language"
        # search_config(): CONFIGS in SQL (search/migrations/0001_stored_documents.py)
        config = Func(F(path), function="search_config", output_field=CharField())
        # What the GIN index answers (a word in any of the languages), narrowed below to the record's own.
        matches = reduce(
            operator.or_,
            (SearchQuery(text, config=Value(name), search_type="websearch") for name in [*CONFIGS.values(), "simple"]),
        )
        query = in_language(text, path)
    body = [Coalesce(F(field), Value(""), output_field=TextField()) for field in source.body]
    if len(body) > 1:
        body = [Concat(*[part for field in body for part in (field, Value(" · "))][:-1], output_field=TextField())]
    exact = Case(
        When(**{f"{source.title[0]}__iexact": text}, then=Value(1.0)), default=Value(0.0), output_field=FloatField()
    )
    document = StoredDocument(source.document or source.title[0])
    found = (
        source.queryset.alias(document=document)
        .filter(Q(document=matches) & Q(document=query))
        .annotate(rank=SearchRank(document, query) + exact, title_text=F(source.title[0]))
        .order_by("-rank", "title_text", "pk")
    )
    headline = {"start_sel": marks.START, "stop_sel": marks.STOP, "config": config}
    return _values(
        found,
        source,
        limit,
        "title_text",
        marked_title=SearchHeadline(source.title[0], query, highlight_all=True, **headline),
        marked_body=SearchHeadline(
            body[0], query, max_fragments=2, max_words=24, min_words=10, fragment_delimiter=" … ", **headline
        ),
    )


def simple(source, text, limit, key=None):
    words = text.split()[:10]

    def anywhere(fields):
        return reduce(
            operator.and_, (reduce(operator.or_, (Q(**{f"{f}__icontains": w}) for f in fields)) for w in words)
        )

    rank = Case(
        When(**{f"{source.title[0]}__iexact": text}, then=Value(3.0)),
        When(anywhere(source.title), then=Value(2.0)),
        default=Value(1.0),
        output_field=FloatField(),
    )
    found = (
        source.queryset.filter(anywhere(source.title + source.body))
        .annotate(rank=rank, title_text=F(source.title[0]))
        .order_by("-rank", "title_text", "pk")
    )
    bodies = {f"body_{i}": F(field) for i, field in enumerate(source.body)}
    rows = _rows(found, source, limit, "title_text", **bodies)
    for row in rows:
        row["marked_title"] = marks.mark_words(row["title_text"], words)
        body = " · ".join(str(row.pop(name) or "") for name in bodies if row.get(name))
        row["marked_body"] = marks.excerpt(body, words)
    return rows
