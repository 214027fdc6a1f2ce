"""Small real files for upload tests: uploads are checked by their content (msp.uploads), so a test file must be
what its name says. PDFs: governance.demo.evidence_pdf."""

import io

from PIL import Image


def image(fmt="PNG", size=(4, 3)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, fmt)
    return out.getvalue()


def png() -> bytes:
    return image("PNG")


def jpeg() -> bytes:
    return image("JPEG")
