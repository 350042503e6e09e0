"""The image upload form of the admin (``WAGTAILIMAGES_IMAGE_FORM_BASE``).

Wagtail's own file field checks the extension, the size and the pixel count,
but it decodes the whole image before it counts the pixels, and an image that
fails to decode (a truncated JPEG, a damaged PNG) escapes as an exception: a
500, in the single and in the multiple upload alike. ``CheckedImageField``
reads the dimensions from the file's header first, so that a decompression
bomb is refused before anything is decoded, and turns any decoding failure
into the ordinary "not a valid image" form error.

It also removes the location and device data the file carries (GPS, camera
serial, XMP, IPTC: ``images.metadata``) before anything is stored, keeping the
orientation and the colour profile; a file whose metadata cannot be removed
(its structure cannot be followed) is refused with a form error, never stored.
The form refuses a usage expiry date in the past for a new image or a changed
date.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from images.metadata import MetadataError, strip_metadata

logger = logging.getLogger(__name__)


class CheckedImageField(WagtailImageField):
    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        self.check_declared_pixels(data)
        data = self.without_metadata(data)
        try:
            self.check_decodes_fully(data)
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # Pillow raises many kinds on damaged files
            logger.warning("Refused an image that does not decode: %r", error)
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    @staticmethod
    def without_metadata(data):
        """The uploaded file without its location and device data."""
        if not hasattr(data, "read"):
            return data
        data.seek(0)
        original = data.read()
        try:
            cleaned = strip_metadata(original)
        except MetadataError as error:
            logger.warning("Refused an image whose metadata cannot be removed: %s", error)
            raise ValidationError(
                _(
                    "This file's metadata (location, camera) cannot be read to be removed. "
                    "Export the photo again (e.g. 'Save for web') and upload that file."
                ),
                code="unreadable_metadata",
            ) from error
        return SimpleUploadedFile(
            getattr(data, "name", "image"), cleaned, getattr(data, "content_type", None)
        )

    @staticmethod
    def check_decodes_fully(data):
        """Decode the whole image, refusing a truncated one whatever Pillow's
        process-wide ImageFile.LOAD_TRUNCATED_IMAGES says (a library may have
        turned it on)."""
        if not hasattr(data, "seek"):
            return
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            with PILImage.open(data) as image:
                image.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous
            data.seek(0)

    def check_declared_pixels(self, data):
        """Refuse an image whose header declares more than
        WAGTAILIMAGES_MAX_IMAGE_PIXELS, without decoding it."""
        if self.max_image_pixels is None or not hasattr(data, "seek"):
            return
        try:
            with PILImage.open(data) as image:  # reads the header only
                width, height = image.size
        except PILImage.DecompressionBombError:
            width = height = None
        except Exception:  # not something Pillow reads: the checks that follow say so
            return
        finally:
            data.seek(0)
        if width is None or width * height > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": width * height if width is not None else "?",
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            )


STORAGE_DOWN_MESSAGE = _(
    "The file store cannot be reached just now, so nothing was saved. "
    "Please try again in a few minutes."
)


class StorageAvailableMixin:
    """With media on object storage (website/storage.py), an upload form asks
    the bucket first: when it does not answer, the form shows an error on the
    file and nothing is saved, instead of a 500 halfway through."""

    def clean(self):
        cleaned_data = super().clean()
        if self.files and not self.errors:
            from website.storage import object_storage

            storage = object_storage()
            if storage is not None:
                try:
                    storage.check()
                except Exception:
                    logger.exception("Object storage did not answer an upload")
                    self.add_error("file", ValidationError(STORAGE_DOWN_MESSAGE, code="storage"))
        return cleaned_data


class DocumentForm(StorageAvailableMixin, BaseDocumentForm):
    """Wagtail's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``), which
    refuses uploads while object storage is down."""


class ImageForm(StorageAvailableMixin, BaseImageForm):
    """Wagtail's image form with ``CheckedImageField`` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, CheckedImageField):
            self.fields["file"] = CheckedImageField(
                label=field.label, required=field.required, widget=field.widget
            )

    def clean_usage_expires(self):
        """A usage expiry date already past is refused for a new image or a
        changed date: the image could not be used at all."""
        expires = self.cleaned_data.get("usage_expires")
        unchanged = self.instance.pk and expires == self.initial.get("usage_expires")
        if expires and not unchanged and expires < timezone.localdate():
            raise ValidationError(
                _("This date is past: the image could not be used. Give a date from today on."),
                code="expired",
            )
        return expires
