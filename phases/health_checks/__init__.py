"""The partnering health check (phases.models.health_check): opening, scoring and closing rounds (`services`), what
a round's scores say per item (`selectors`), and its pages (`forms`, `views`)."""
