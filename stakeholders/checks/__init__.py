"""The success-factor rules that read who is who (phases.checks): the members, their contact persons and the
stakeholder map; and CS-1, which reads the partnership's own page (msp.Partnership, below this app).

One loader ("stakeholders", in `facts`) reads everything in four queries whatever the partnership's size; the rules
are plain functions of it, by subject: `members` (CS-1, CS-2, CS-7, CM-1, PM-6) and `stakeholder_map` (CS-6, CM-2,
CM-3). The evidence names at most five records, then says how many more there are.
"""

from . import facts, members, stakeholder_map

__all__ = ["facts", "members", "stakeholder_map"]
