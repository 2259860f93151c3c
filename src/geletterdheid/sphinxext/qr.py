"""QR codes for forum links, as PNG data URIs (black and white, one pixel per module, scaled up).

A small bitmap is cheap to embed. At 28 mm a QR code of 37 modules has 0.75 mm modules: sharp at
any print resolution, because PDF viewers and printers scale this image without smoothing
(``scaling: "pixelated"`` in the Typst markup).
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache

import qrcode
import qrcode.constants

QUIET_ZONE = 2  # modules of white around the code; the page margin adds more


@lru_cache(maxsize=256)
def qr_png(url: str) -> bytes:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE, box_size=8)
    code.add_data(url)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().save(out)  # 1-bit PNG through Pillow
    return out.getvalue()


def qr_data_uri(url: str) -> str:
    return "data:image/png;base64," + base64.b64encode(qr_png(url)).decode("ascii")
