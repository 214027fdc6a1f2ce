"""The public story's photo: checked by its content, never by its name, and stored as a fresh JPEG.

An upload is read only when it is small enough (MAX_BYTES) and only decoded when its pixel count is within
MAX_PIXELS (Pillow reads the size from the header first, so a "decompression bomb" is refused before it is
decoded). It must be a JPEG, PNG or WebP picture that decodes completely. What is kept is a new JPEG made from the
pixels: turned upright as the camera said, scaled down to at most LONG_SIDE pixels, and without the original's
metadata (EXIF: the camera, the time, often where it was taken), which a public report must not carry.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000  # about 7,700 x 5,200: any camera; a bomb is far larger
LONG_SIDE = 2400  # enough for a full A4 width at 300 dpi
FORMATS = {"JPEG", "PNG", "WEBP"}


def photo_jpeg(upload) -> bytes:
    """The JPEG to keep for `upload` (a Django UploadedFile), or ValidationError saying what is wrong with it."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("This photo is %(size)s MB; the limit is %(limit)s MB. Send a smaller copy.")
            % {"size": f"{upload.size / 1024 / 1024:.1f}", "limit": MAX_BYTES // 1024 // 1024},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read()
    not_a_photo = ValidationError(
        _("This file is not a photo we can read: send a JPEG, PNG or WebP picture."), code="not_a_photo"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own, lower limit decides
        return _decoded(data, not_a_photo)


def _decoded(data, not_a_photo) -> bytes:
    try:
        with Image.open(io.BytesIO(data), formats=sorted(FORMATS)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise _too_many_pixels(image.width, image.height)
            image.load()  # decodes every pixel: a truncated or forged file fails here
            return _as_jpeg(image)
    except Image.DecompressionBombError:  # Pillow's own limit, met before ours could look at the size
        raise _too_many_pixels("?", "?") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise not_a_photo from None


def _too_many_pixels(width, height):
    return ValidationError(
        _("This photo has too many pixels (%(width)s × %(height)s). Send a copy of at most 40 megapixels.")
        % {"width": width, "height": height},
        code="too_many_pixels",
    )


def _as_jpeg(image) -> bytes:
    image = ImageOps.exif_transpose(image)  # upright as taken; the orientation tag goes with the rest of EXIF
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")  # transparency becomes white, as on the page
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    image.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)  # no exif= given: none is written
    return out.getvalue()
