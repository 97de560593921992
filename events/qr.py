"""QR codes drawn on the server (qrcode, as SVG), shown in pages as data: URIs (the CSP's img-src allows data:)."""

import base64

import qrcode
import qrcode.image.svg


def qr_svg(text: str) -> bytes:
    """`text` as a QR code in SVG, black on white with the standard quiet zone."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10, border=4)
    return image.to_string(encoding="unicode").encode()


def qr_data_uri(text: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(text)).decode("ascii")
