"""A search, as one ranked list of hits across every kind of record the person may open."""

from . import engines, marks, scopes

MIN_LENGTH = 2  # a shorter query would match nearly everything
MAX_LENGTH = 200
PER_KIND = 50  # the best of each kind; a person refines the query rather than pages through hundreds


class Hit:
    """One result. What only a shown result needs (its marked title and snippet as safe HTML, its link, where in
    the partnership it is) is worked out when read: a search keeps up to PER_KIND of each kind, a page shows 20."""

    __slots__ = ("source", "row", "rank")

    def __init__(self, source, row):
        self.source, self.row, self.rank = source, row, float(row["rank"])

    @property
    def kind(self) -> str:
        return self.source.kind

    @property
    def label(self) -> str:
        return self.source.label

    @property
    def title(self) -> str:  # safe HTML: escaped, matches in <mark>
        return marks.to_html(self.row["marked_title"] or marks.clean(self.row["title_text"]))

    @property
    def snippet(self) -> str:  # safe HTML, likewise
        return marks.to_html(self.row["marked_body"])

    @property
    def partnership(self) -> str:  # its name, unless the hit is the partnership itself
        return "" if self.kind == "partnership" else self.row["partnership_name"]

    @property
    def context(self) -> str:  # where in the partnership ("MoU version 2"), or ""
        return str(self.source.context(self.row)) if self.source.context else ""

    @property
    def url(self) -> str:
        return self.source.link(self.row)


def search(user, text: str) -> list[Hit]:
    """The records `user` may open that match `text`, best first (ties: in the order of scopes.sources_for).
    One query per kind of record, whatever the number of results."""
    engine = engines.strategy()
    sources = scopes.sources_for(user)
    # What a source's query depends on besides the words (engines.postgres): the person, superuser or not, and
    # which sources their rights give and how each reaches its partnership (the registry's records reach none).
    key = (user.pk, user.is_superuser, tuple((source.kind, source.partnership) for source in sources))
    hits = [
        Hit(source, row) for i, source in enumerate(sources) for row in engine(source, text, PER_KIND, key=(*key, i))
    ]
    return sorted(hits, key=lambda hit: -hit.rank)
