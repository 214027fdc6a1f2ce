"""Text measured as the charts draw it: names are cut by their width, not their length, so "WWW" and "iii" both fit.

The advance widths are DejaVu Sans' (regular and bold; thousandths of an em) for ASCII 32-126. DejaVu is the
widest of the fonts listed in FONT, and the one WeasyPrint uses, so a text that fits here fits in any of them.
"""

import unicodedata

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
FONT_SIZE = 12

_WIDTHS = {
    False: "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636 636 "
    "337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787 695 635 611 "
    "732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 "
    "635 635 411 521 392 634 592 818 592 592 525 636 337 636 838",
    True: "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 696 696 696 "
    "400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995 837 850 733 850 770 720 682 "
    "812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 716 678 435 716 712 343 343 665 343 1042 712 687 "
    "716 716 493 595 478 712 652 924 645 652 582 712 365 712 838",
}
_WIDTHS = {bold: [int(w) for w in table.split()] for bold, table in _WIDTHS.items()}


def text_width(text, *, bold=False, size=FONT_SIZE) -> float:
    """The width of `text` in pixels, as DejaVu Sans draws it (accented letters as their base letter)."""
    table, total = _WIDTHS[bold], 0
    for char in text:
        if not 32 <= ord(char) < 127:
            base = unicodedata.normalize("NFKD", char)[0]
            char = base if base.isalpha() and ord(base) < 127 else "@"  # "…", "★" and the like: a full em
        total += table[ord(char) - 32]
    return total * size / 1000


def fit(text, *, room, bold=False, suffix="", max_chars=None, size=FONT_SIZE) -> str:
    """`text` + `suffix`, cut with an ellipsis so that it fits in `room` pixels (and in `max_chars` characters)."""
    max_chars = max_chars or len(text) + 1
    if len(text) <= max_chars and text_width(text + suffix, bold=bold, size=size) <= room:
        return text + suffix
    cut = text[: max_chars - 1]
    while cut and text_width(cut.rstrip() + "…" + suffix, bold=bold, size=size) > room:
        cut = cut[:-1]
    return cut.rstrip() + "…" + suffix
