from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Performance at scale: the data generator (`manage.py generate_data`) and the benchmark (`manage.py
    benchmark`), which writes docs/performance.md. A tool for operators and developers, the top layer: it may
    import every app; nothing imports it."""

    name = "bench"
    verbose_name = _("Benchmark")
