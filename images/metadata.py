"""Remove location and device data from image files: GPS coordinates, camera
make, model and serial numbers, dates, XMP and IPTC blocks, comments.

Phone photos carry where they were taken; the photos of this site show
migrants, people receiving aid, the rooms where victims are interviewed. So
every original is cleaned when it is uploaded (``website.uploads``) and every
rendition when it is made (``CustomImage.generate_rendition_file``), whatever
the file carried.

JPEG, PNG and WebP are cleaned at the level of their segments or chunks,
without decoding or re-encoding the picture (an original keeps its quality):
only what draws the picture, its colour profile (ICC) and its orientation (an
Exif block rebuilt with that tag alone) are kept. Other formats (GIF, AVIF)
are re-encoded by Pillow without their Exif and XMP when they carry any.
A file whose structure cannot be followed raises ``MetadataError``; the upload
form turns it into a form error.
"""

import io
import struct
import zlib

from PIL import Image as PILImage

ORIENTATION = 0x0112


class MetadataError(ValueError):
    """The file's structure cannot be followed: it cannot be cleaned."""


def strip_metadata(data, keep_orientation=True):
    """``data`` (bytes of an image file) without its location, device and
    descriptive metadata; the colour profile and (if asked) the orientation
    stay."""
    if data[:3] == b"\xff\xd8\xff":
        return _clean_jpeg(data, keep_orientation)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return _clean_png(data, keep_orientation)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _clean_webp(data, keep_orientation)
    return _clean_with_pillow(data, keep_orientation)


def _orientation_exif(payload, keep_orientation):
    """An Exif block (TIFF bytes, without the "Exif\\0\\0" header) holding
    only the orientation read from ``payload``; None when there is nothing to
    keep or the block cannot be read (then the orientation is lost, not the
    upload)."""
    if not keep_orientation or not payload:
        return None
    try:
        exif = PILImage.Exif()
        exif.load(payload)
        orientation = exif.get(ORIENTATION)
    except Exception:  # a malformed block: drop it whole
        return None
    if not isinstance(orientation, int) or orientation in (0, 1) or orientation > 8:
        return None
    kept = PILImage.Exif()
    kept[ORIENTATION] = orientation
    return kept.tobytes()[6:]


# --- JPEG: markers and segments ------------------------------------------------

JPEG_KEEP_APP = {
    0xE0: (b"JFIF\x00", b"JFXX\x00"),  # APP0: the JFIF header
    0xE2: (b"ICC_PROFILE\x00",),  # APP2: the colour profile
    0xEE: (b"Adobe",),  # APP14: how the colours are encoded
}


def _clean_jpeg(data, keep_orientation):
    out = [b"\xff\xd8"]
    exif = None
    position = 2
    size = len(data)
    insert_at = 1
    while True:
        if position + 1 >= size or data[position] != 0xFF:
            raise MetadataError("JPEG: a segment does not start with a marker")
        while data[position + 1] == 0xFF:  # fill bytes
            position += 1
            if position + 1 >= size:
                raise MetadataError("JPEG: ends in fill bytes")
        marker = data[position + 1]
        if marker == 0xD9 or marker == 0xDA:  # end, or the picture's scans: copied as they are
            out.append(data[position:])
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            out.append(data[position : position + 2])
            position += 2
            continue
        if position + 4 > size:
            raise MetadataError("JPEG: a segment is cut")
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        end = position + 2 + length
        if length < 2 or end > size:
            raise MetadataError("JPEG: a segment is longer than the file")
        segment = data[position:end]
        body = segment[4:]
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            if marker == 0xE1 and body.startswith(b"Exif\x00\x00") and exif is None:
                exif = _orientation_exif(body[6:], keep_orientation) or b""
            if any(body.startswith(sign) for sign in JPEG_KEEP_APP.get(marker, ())):
                out.append(segment)
                if marker == 0xE0:
                    insert_at = len(out)
        else:
            out.append(segment)
        position = end
    if exif:
        block = b"Exif\x00\x00" + exif
        out.insert(insert_at, b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block)
    return b"".join(out)


# --- PNG: chunks -----------------------------------------------------------------

PNG_DROP = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME", b"dSIG"}


def _png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _clean_png(data, keep_orientation):
    out = [data[:8]]
    position = 8
    exif = None
    while position < len(data):
        if position + 12 > len(data):
            raise MetadataError("PNG: a chunk is cut")
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            raise MetadataError("PNG: a chunk is longer than the file")
        if kind == b"eXIf" and exif is None:
            exif = _orientation_exif(data[position + 8 : end - 4], keep_orientation) or b""
        if kind == b"IDAT" and exif:
            out.append(_png_chunk(b"eXIf", exif))
            exif = b""
        if kind not in PNG_DROP:
            out.append(data[position:end])
        position = end
        if kind == b"IEND":
            break
    return b"".join(out)


# --- WebP: RIFF chunks ---------------------------------------------------------

WEBP_EXIF_FLAG = 0x08
WEBP_XMP_FLAG = 0x04


def _webp_chunk(kind, body):
    padding = b"\x00" if len(body) % 2 else b""
    return kind + struct.pack("<I", len(body)) + body + padding


def _clean_webp(data, keep_orientation):
    (riff_size,) = struct.unpack("<I", data[4:8])
    end_of_riff = min(len(data), 8 + riff_size)
    chunks = []
    exif = None
    position = 12
    while position < end_of_riff:
        if position + 8 > end_of_riff:
            raise MetadataError("WebP: a chunk is cut")
        kind = data[position : position + 4]
        (length,) = struct.unpack("<I", data[position + 4 : position + 8])
        body_end = position + 8 + length
        if body_end > end_of_riff:
            raise MetadataError("WebP: a chunk is longer than the file")
        body = data[position + 8 : body_end]
        if kind == b"EXIF":
            if exif is None:
                payload = body[6:] if body.startswith(b"Exif\x00\x00") else body
                exif = _orientation_exif(payload, keep_orientation) or b""
        elif kind != b"XMP ":
            chunks.append([kind, body])
        position = body_end + (length % 2)
    for chunk in chunks:
        if chunk[0] == b"VP8X" and len(chunk[1]) >= 1:
            flags = chunk[1][0] & ~(WEBP_EXIF_FLAG | WEBP_XMP_FLAG)
            if exif:
                flags |= WEBP_EXIF_FLAG
            chunk[1] = bytes([flags]) + chunk[1][1:]
            break
    else:
        exif = None  # a simple WebP (no VP8X) has no room for metadata
    body = b"WEBP" + b"".join(_webp_chunk(kind, chunk_body) for kind, chunk_body in chunks)
    if exif:
        body += _webp_chunk(b"EXIF", exif)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# --- Other formats --------------------------------------------------------------


def _clean_with_pillow(data, keep_orientation):
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            carries = bool(image.info.get("exif") or image.info.get("xmp") or image.getexif())
            if not carries:
                return data
            image_format = image.format
            icc_profile = image.info.get("icc_profile")
            orientation = image.getexif().get(ORIENTATION) if keep_orientation else None
            image.load()
            options = {"icc_profile": icc_profile} if icc_profile else {}
            if isinstance(orientation, int) and 1 < orientation <= 8:
                kept = PILImage.Exif()
                kept[ORIENTATION] = orientation
                options["exif"] = kept
            else:
                image.info.pop("exif", None)
            image.info.pop("xmp", None)
            output = io.BytesIO()
            image.save(output, format=image_format, **options)
            return output.getvalue()
    except Exception as error:
        raise MetadataError(f"cannot clean a {type(error).__name__}") from error
