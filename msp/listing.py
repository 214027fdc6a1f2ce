"""For pages that draw many rows: what costs as much as a row itself, worked out once for the whole list."""

import re

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, QuerySet, Window
from django.urls import reverse

# Stand-ins for the values that vary from row to row: numbers no row has, so that any path converter takes them.
_MARKERS = [str(9876543210123 + i) for i in range(4)]


def url_for_each(name, *args, each=1):
    """`(*values) -> reverse(name, args=[*args, *values])` for the rows of a list at the cost of one reverse()
    (which costs as much as the rest of a row): the URL is resolved once with markers where the `each` last
    arguments (a row's pk, or its partnership's and its own) go."""
    markers = _MARKERS[:each]
    pieces = re.split("(" + "|".join(markers) + ")", reverse(name, args=[*args, *markers]))
    # pieces: text, marker, text, marker, ..., text; a marker's place is its position among `markers`.
    slots = [(piece, markers.index(piece) if piece in markers else None) for piece in pieces]

    def url(*values):
        return "".join(str(values[slot]) if slot is not None else piece for piece, slot in slots)

    return url


def choice_labels(choices):
    """{value: label} of a model's choices, translated once for a whole list (a label costs a catalogue lookup
    each time it is read)."""
    return {value: str(label) for value, label in choices}


class CountingPaginator(Paginator):
    """A paginator of a queryset that reads a page's rows and the total in one query (each row carries the count of
    all rows, a window over the whole result, computed before the page is cut) instead of a count, then the page.
    Page 1 without rows means no rows at all; any other page without rows (past the end), a name ("last") or
    orphans, a distinct queryset (whose window would count duplicates), a union (which takes no annotation) or a list
    fall back to Django's own way (a count first)."""

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            return super().page(number)
        rows = self.object_list
        plain = isinstance(rows, QuerySet) and not rows.query.distinct and not rows.query.combinator
        if number < 1 or self.orphans or "count" in self.__dict__ or not plain:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list.annotate(_listing_total=Window(Count("pk")))[bottom : bottom + self.per_page])
        if not rows and number > 1:
            return super().page(number)
        self.__dict__["count"] = rows[0]._listing_total if rows else 0  # Paginator.count is a cached_property
        return self._get_page(rows, self.validate_number(number), self)

    def get_page(self, number):
        """As Django's (not a number: the first page; out of range: the last), the page first: one query for a
        page in range, where Django's counts, then reads the page."""
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        try:
            return self.page(number)
        except EmptyPage:
            return self.page(self.num_pages)
