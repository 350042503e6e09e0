"""AVIF and WebP encodings kept for the test run.

Every page with a picture makes its renditions in AVIF, WebP and JPEG
(``site_picture``), and encoding AVIF is slow: over a second for a large
rendition of a demo illustration. Each test starts with an empty media folder
and database, so the same pictures are made again and again, in the test
processes and in the server the browser tests visit. Here Pillow's
``Image.save`` in those two formats keeps what it wrote for given pixels and
options, and writes the same bytes when asked again: the renditions, their
files and their rows are made as before, only the encoder does not run twice
for the same input. (An encoder is a function of the pixels and the options:
the bytes are those it would write.)

The encodings are kept in memory, and in the folder ``ENVIRONMENT`` names
when it is set (tests/conftest.py sets it for the run: the workers and the
browser tests' server share it).
"""

import hashlib
import os
import tempfile
from pathlib import Path

from PIL import Image

ENVIRONMENT = "NEWSROOM_TEST_ENCODINGS"
FORMATS = {"AVIF", "WEBP"}
# At most this many encodings are kept in memory (renditions are small).
LIMIT = 2000

_kept = {}
_original_save = Image.Image.save


def _frozen(value):
    if isinstance(value, bytes | bytearray):
        return ("bytes", hashlib.sha1(value).hexdigest())  # noqa: S324 - a cache key
    if isinstance(value, dict):
        return tuple(sorted((str(key), _frozen(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return ("object", repr(value))


def _key(image, image_format, params):
    if getattr(image, "is_animated", False) or params.get("save_all"):
        return None
    try:
        pixels = image.tobytes()
    except Exception:  # noqa: BLE001 - not an image Pillow can read back: encode it
        return None
    parts = (
        image_format,
        image.mode,
        image.size,
        hashlib.sha1(pixels).hexdigest(),  # noqa: S324 - a cache key
        _frozen(params),
        _frozen(dict(image.info)),
        _frozen(image.palette.tobytes() if image.palette else None),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _folder():
    folder = os.environ.get(ENVIRONMENT)
    return Path(folder) if folder else None


def _read(key):
    data = _kept.get(key)
    if data is None and (folder := _folder()) is not None:
        try:
            data = (folder / key).read_bytes()
        except OSError:
            return None
        _keep(key, data)
    return data


def _keep(key, data):
    if len(_kept) < LIMIT:
        _kept[key] = data


def _write(key, data):
    _keep(key, data)
    folder = _folder()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".part-")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, folder / key)
    except OSError:
        pass  # only kept in memory


def save(self, fp, format=None, **params):  # noqa: A002 - Pillow's own signature
    image_format = (format or "").upper()
    readable = all(hasattr(fp, name) for name in ("write", "read", "seek", "tell"))
    if image_format not in FORMATS or not readable:
        return _original_save(self, fp, format, **params)
    key = _key(self, image_format, params)
    if key is None:
        return _original_save(self, fp, format, **params)
    data = _read(key)
    if data is None:
        start = fp.tell()
        _original_save(self, fp, format, **params)
        end = fp.tell()
        fp.seek(start)
        data = fp.read(end - start)
        fp.seek(end)
        _write(key, data)
        return None
    fp.write(data)
    return None


def install():
    Image.Image.save = save
