"""The success-factor rules that read the monitoring app's data (issue 13): indicators and their data (`indicators`:
CX-3, ME-1, ME-3, ME-6), learning (`learning`: ME-4, ME-5), the context (`context`: CX-1, CX-2, CX-4) and the
members' share in the work (`partners`: CS-5, FD-3). Each registers with the checklist engine (phases.checks) and
reads what the loader (`loader`, "monitoring") read once, in a fixed number of queries."""

from . import context, indicators, learning, loader, partners  # noqa: F401
