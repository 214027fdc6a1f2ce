"""The donor report's sections, one module per subject: `collect(ctx)` returns the context of its template
(templates/reports/donor/<key>.html). `ctx` is monitoring.reports.donor.ReportContext."""
