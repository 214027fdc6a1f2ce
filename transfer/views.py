from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from msp import access
from msp.text import file_slug

from . import services


@login_required
@require_POST
def export(request, partnership_pk):
    """Download the partnership's export ZIP. A POST: it writes an activity entry, and a GET must change nothing."""
    partnership = access.get_partnership(request.user, partnership_pk, "export")
    out, _manifest = services.partnership_export(partnership=partnership, by=request.user)
    name = f"{file_slug(partnership.name)}-export-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(out, as_attachment=True, filename=name, content_type="application/zip")
