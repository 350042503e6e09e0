"""Uploaded media on S3-compatible object storage (django-storages), switched
on by ``MEDIA_S3_BUCKET`` (website/settings/base.py); the local folder
MEDIA_ROOT otherwise.

One bucket holds every uploaded file under the names Wagtail and the project
give them:

- ``images/`` (the renditions of uploaded images, cleaned of location and
  device data) are public: pages link them at ``MEDIA_S3_PUBLIC_URL`` (a CDN
  or the bucket's public address), unsigned, so browsers and caches keep them;
- everything else is private: the originals (``original_images/``, which
  editors download through the admin), ``documents/`` served by Wagtail's view
  (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``, which enforces collection
  privacy) and the PDF editions by their issue's page, both reading through
  the application's credentials. Their ``url()`` is a short-lived signed
  address that no public page shows.

The bucket's policy must match: anonymous ``s3:GetObject`` on
``images/*`` only (README, "Media on object
storage").
"""

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# Keep in step with website.media.PUBLIC_MEDIA_FOLDERS (the local folder's rule).
PUBLIC_PREFIXES = ("images/",)
# Signed addresses of private files last this long (seconds).
PRIVATE_URL_SECONDS = 300


def is_public(name):
    return name.lstrip("/").startswith(PUBLIC_PREFIXES)


class MediaStorage(S3Storage):
    """S3Storage with public images at ``public_url`` and everything else private."""

    def get_default_settings(self):
        return {**super().get_default_settings(), "public_url": ""}

    def url(self, name, parameters=None, expire=None, http_method=None):
        if is_public(name) and self.public_url:
            name = filepath_to_uri(self._normalize_name(clean_name(name)))
            return f"{self.public_url.rstrip('/')}/{name}"
        return super().url(
            name,
            parameters=parameters,
            expire=expire or PRIVATE_URL_SECONDS,
            http_method=http_method,
        )

    def check(self):
        """Raise unless the bucket answers (``/healthz``, upload forms)."""
        self.connection.meta.client.head_bucket(Bucket=self.bucket_name)


def object_storage():
    """The default storage when it is object storage, else None."""
    from django.core.files.storage import storages

    storage = storages["default"]
    return storage if isinstance(storage, S3Storage) else None
