"""Uploaded files served by Django when SERVE_MEDIA is on (development and
`make serve`, with no web server in front): the public folders only.

MEDIA_ROOT also holds what must never be served straight from storage: the
documents (Wagtail's view serves them, and refuses those of a private
collection) and the PDF editions of report issues (their issue's page serves
them, keeping its privacy). So the route serves a file only when its
normalised path lies in one of PUBLIC_MEDIA_FOLDERS; anything else is a 404,
however it is spelt (``//documents/…``, ``x/../documents/…``, ``%2e/…``).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

# The renditions of images. The originals (original_images/) are not public:
# editors read them through the admin (images/views.py).
PUBLIC_MEDIA_FOLDERS = frozenset({"images"})


def public_media_name(path):
    """The file name in MEDIA_ROOT that ``path`` (what follows MEDIA_URL,
    already %-decoded once by Django) names, when it lies in a public folder;
    None otherwise."""
    # A backslash or a NUL has no place in our file names, and a "%" left
    # after Django's decoding is a second encoding: no stored name has one
    # (storages drop "%" from uploaded names).
    if not path or any(character in path for character in "\\\x00%"):
        return None
    name = posixpath.normpath(path)
    if name.startswith("/"):
        return None
    parts = name.split("/")
    if ".." in parts or len(parts) < 2 or parts[0] not in PUBLIC_MEDIA_FOLDERS:
        return None
    return name


@require_safe
def serve_media(request, path):
    """A file of a public media folder, or a 404."""
    name = public_media_name(path)
    if name is None:
        raise Http404("Not a public file.")
    return serve(request, name, document_root=settings.MEDIA_ROOT)
