"""Spreadsheets in and out (CSV and XLSX through tablib): exports of members, the stakeholder map and contacts, and
the import that reads those same files back.

An import is read and checked in full before anything is written (`preview`): every row gets its errors, its
warnings (near-duplicates of registry organisations) and what will happen to it (create, link to an existing
organisation, skip as already there). `services.stakeholders_import` writes only a preview without errors, inside
one transaction. Columns are matched by their key or their label, in any case and order, so a file exported here
imports unchanged.

By subject: `files` turns bytes into rows of text and back (limits, encodings, formulas), `columns` names the
columns, this module matches a file's headers and runs the rows through `import_rows` (cell values, the row and
the preview) and `import_checks` (organisation, contact, membership, map entry); `services` writes them.
"""

import tablib
from django.utils.translation import gettext as _

from . import files, import_checks
from .columns import COLUMNS, ImportKind, header_key, in_every_language, informational_keys
from .files import MAX_BYTES, MAX_ROWS, FileProblem, read_table  # noqa: F401 (MAX_BYTES: for the form)
from .import_rows import Preview, Row
from .selectors import contacts_for, map_entries_for, memberships_for

# --- export ------------------------------------------------------------------------------------------------------


def _yes(value) -> str:
    return _("yes") if value else _("no")


def _date(value) -> str:
    return value.isoformat() if value else ""


def _organisation_cells(org) -> list:
    return [
        org.name,
        org.short_name,
        org.get_sector_display(),
        org.iati_type.display if org.iati_type_id else "",
        org.country.display_name if org.country_id else "",
        org.website,
        org.iati_identifier,
        org.description,
    ]


def _headers(columns, extra=()):
    return [str(c.label) for c in columns] + [str(label) for label in extra]


def members_dataset(partnership) -> tablib.Dataset:
    data = tablib.Dataset(headers=_headers(COLUMNS[ImportKind.MEMBERS], [_("Status")]), title=_("Members"))
    for m in memberships_for(partnership):
        data.append(
            [
                *_organisation_cells(m.organisation),
                m.get_role_display(),
                m.get_iati_role_display() if m.iati_role else "",
                _yes(m.is_core_group),
                _date(m.joined_on),
                _date(m.left_on),
                "" if m.capacity_person_days is None else m.capacity_person_days,
                _("active") if m.current else _("left"),
            ]
        )
    return data


def map_dataset(partnership) -> tablib.Dataset:
    data = tablib.Dataset(headers=_headers(COLUMNS[ImportKind.MAP], [_("Member")]), title=_("Stakeholder map"))
    for e in map_entries_for(partnership).select_related("organisation__country", "organisation__iati_type"):
        data.append(
            [
                *_organisation_cells(e.organisation),
                e.power,
                e.interest,
                e.influence,
                e.get_engagement_display(),
                _yes(e.is_target_group),
                _yes(e.is_key),
                _yes(e.is_champion),
                e.country.display_name if e.country_id else "",
                _date(e.last_engaged_on),
                e.notes,
                _yes(e.is_member),
            ]
        )
    return data


def contacts_dataset(partnership) -> tablib.Dataset:
    data = tablib.Dataset(headers=_headers(COLUMNS[ImportKind.CONTACTS], [_("Member")]), title=_("Contacts"))
    for c in contacts_for(partnership).select_related("organisation__country", "organisation__iati_type"):
        data.append(
            [
                *_organisation_cells(c.organisation),
                c.name,
                c.job_title,
                c.get_seniority_display(),
                c.email,
                c.phone,
                _yes(c.is_active),
                _yes(c.may_sign),
                _yes(c.is_member),
            ]
        )
    return data


def render(dataset: tablib.Dataset, fmt: str) -> bytes:
    """The file to download. No cell is a formula: see `files` for why and how."""
    rows = list(dataset)
    if fmt == "xlsx":
        return files.xlsx_bytes(dataset.headers, rows, dataset.title or "")
    return files.csv_bytes(dataset.headers, rows)


# --- import ------------------------------------------------------------------------------------------------------


def _match_columns(result, headers, rows, columns) -> dict:
    """{column key: position in the file} for the headers that name a column by its key or label (any case); the
    headers matching none, twice or missing go to `result.problems`."""
    known = {}
    for column in columns:
        known[column.key] = column.key
        for label in in_every_language(column.label):  # the active language's first
            known.setdefault(header_key(label), column.key)
    positions, unknown, informational = {}, [], informational_keys()
    for position, header in enumerate(headers):
        key = known.get(header_key(header))
        if key is None:
            if header_key(header) in informational:
                result.ignored.append(header)
            elif header or any(len(r) > position and r[position] for r in rows):
                unknown.append(header or _("column %(n)d (no name)") % {"n": position + 1})
            continue
        if key in positions:
            result.problems.append(_("The column “%(h)s” appears twice.") % {"h": header})
        positions[key] = position
        result.columns.append((key, header))
    missing = [str(c.label) for c in columns if c.required and c.key not in positions]
    if missing:
        result.problems.append(_("Missing columns: %(cols)s.") % {"cols": ", ".join(missing)})
    if unknown:
        result.problems.append(
            _("Unknown columns: %(cols)s. The columns for this kind of file are: %(known)s.")
            % {"cols": ", ".join(unknown), "known": ", ".join(str(c.label) for c in columns)}
        )
    return positions


def preview(*, partnership, kind, filename, content, by=None) -> Preview:
    """Read and check a whole file against the registry and the partnership; writes nothing."""
    result = Preview(kind=kind, filename=filename)
    try:
        headers, rows = read_table(filename, content)
    except FileProblem as exc:
        result.problems.append(str(exc))
        return result

    positions = _match_columns(result, headers, rows, COLUMNS[kind])
    data_rows = [(n, r) for n, r in enumerate(rows, start=2) if any(r)]
    if not data_rows and not result.problems:
        result.problems.append(_("The file has column names but no rows."))
    if len(data_rows) > MAX_ROWS:
        result.problems.append(str(files.too_many_rows()))
    if result.problems:
        return result

    lookups = import_checks.Lookups(partnership, kind)
    seen, seen_contacts = {}, {}
    for number, cells in data_rows:
        values = {key: (cells[pos] if pos < len(cells) else "") for key, pos in positions.items()}
        row = Row(number=number, values=values)
        row.shown = [(header, values[key]) for key, header in result.columns if key != "organisation" and values[key]]
        import_checks.check_organisation(row, lookups, seen, kind)
        if kind == ImportKind.CONTACTS:
            import_checks.check_contact(row, lookups, seen_contacts)
            import_checks.check_signing_authority(row, lookups, by)
        elif kind == ImportKind.MEMBERS:
            import_checks.check_membership(row, lookups)
        else:
            import_checks.check_map_entry(row, lookups)
        result.rows.append(row)
    return result
