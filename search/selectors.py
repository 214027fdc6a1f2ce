"""A search, as one ranked list of hits across every kind of record the person may open."""

from dataclasses import dataclass

from . import engines, marks, scopes

MIN_LENGTH = 2  # a shorter query would match nearly everything
MAX_LENGTH = 200
PER_KIND = 50  # the best of each kind; a person refines the query rather than pages through hundreds


@dataclass(frozen=True)
class Hit:
    kind: str
    label: str
    title: str  # safe HTML: escaped, matches in <mark>
    snippet: str  # safe HTML, likewise
    partnership: str  # its name, unless the hit is the partnership itself
    context: str  # where in the partnership ("MoU version 2"), or ""
    url: str
    rank: float


def search(user, text: str) -> list[Hit]:
    """The records `user` may open that match `text`, best first (ties: in the order of scopes.sources_for).
    One query per kind of record, whatever the number of results."""
    engine = engines.strategy()
    hits = []
    for source in scopes.sources_for(user):
        for row in engine(source, source.queryset, text, PER_KIND):
            hits.append(
                Hit(
                    kind=source.kind,
                    label=source.label,
                    title=marks.to_html(row["marked_title"] or marks.clean(row["title_text"])),
                    snippet=marks.to_html(row["marked_body"]),
                    partnership="" if source.kind == "partnership" else row["partnership_name"],
                    context=str(source.context(row)) if source.context else "",
                    url=source.link(row),
                    rank=float(row["rank"]),
                )
            )
    return sorted(hits, key=lambda hit: -hit.rank)
