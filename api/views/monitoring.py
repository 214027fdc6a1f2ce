"""API endpoints: monitoring and phases, one module per subject (the actual of a period, a write, is writes.py)."""

from . import monitoring_indicators, monitoring_learning, monitoring_phases

urls = [*monitoring_indicators.urls, *monitoring_learning.urls, *monitoring_phases.urls]
