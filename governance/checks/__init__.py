"""The success-factor rules that read the governance app's data (issue 13): roadmap and MoU (`agreements`), bodies,
meetings and decisions (`steering`), budget and commitments (`resources`). Each registers with the checklist engine
(phases.checks) and reads what the loader (`loader`) read once, in a fixed number of queries."""

from . import agreements, balance, loader, process, resources, steering  # noqa: F401
