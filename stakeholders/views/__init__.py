"""The stakeholder pages: the organisation registry (organisations.py), a partnership's members and contacts
(members.py), its stakeholder map (map.py), invitations and their acceptance (invitations.py), and spreadsheet
import and export (transfer.py)."""
