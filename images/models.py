"""The image model of the site, ``CustomImage`` (``WAGTAILIMAGES_IMAGE_MODEL``),
in the foundation layer: every content app may point to it. Wagtail's own
``Image`` keeps its table and the image permissions (Wagtail checks them on it
whatever the model), so the teams' permissions are unchanged.

Wagtail's image plus what an organisation publishing photos of people must know
about each one: who took it (credit), its rights and licence, whether
identifiable people are in it and the reference of their consent, until when it
may be used, and whether it must never be shown on the public site. These are
facts about the file, the same in every language (images are not translated);
the words shown with a photo on a page (alt text, caption) belong to the page
and are translated with it.
"""

import datetime
import io
import logging

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.images.models import ImageQuerySet as WagtailImageQuerySet
from wagtail.utils.file import hash_filelike

from images.metadata import MetadataError, strip_metadata

logger = logging.getLogger(__name__)


class ImageQuerySet(WagtailImageQuerySet):
    def usable_on(self, day):
        """Images that may appear on the public site on ``day``."""
        return self.filter(sensitive=False).exclude(usage_expires__lt=day)

    def expiring_within(self, day, days):
        """Images whose usage ends between ``day`` and ``days`` days later,
        soonest first."""
        return self.filter(
            usage_expires__gte=day, usage_expires__lte=day + datetime.timedelta(days)
        ).order_by("usage_expires", "title")

    def newly_expired(self, day):
        """Images past their usage expiry whose expiry is not handled yet."""
        return self.filter(usage_expires__lt=day).exclude(expiry_handled_on__gte=F("usage_expires"))


class CustomImage(AbstractImage):
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text=_(
            "Who took or made the image, shown with it, e.g. '© IOM / Aida Bekova'. "
            "Required to use the image on a published page."
        ),
        verbose_name=_("credit"),
    )
    rights = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("The copyright notice, e.g. '© IOM 2026. All rights reserved.'"),
        verbose_name=_("rights"),
    )
    licence_url = models.URLField(
        blank=True,
        help_text=_(
            "The address of the licence the image is published under, e.g. "
            "https://creativecommons.org/licenses/by/4.0/. Empty when all rights are reserved."
        ),
        verbose_name=_("licence"),
    )
    identifiable_people = models.BooleanField(
        default=False,
        help_text=_("Someone in the image can be recognised."),
        verbose_name=_("identifiable people"),
    )
    consent_reference = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "The consent form number or a note of how the people shown consented. "
            "Required when there are identifiable people."
        ),
        verbose_name=_("consent reference"),
    )
    usage_expires = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "The last day the image may be used. From the next day pages no longer show it."
        ),
        verbose_name=_("usage expiry date"),
    )
    sensitive = models.BooleanField(
        default=False,
        help_text=_("For internal use only: never shown on the public site."),
        verbose_name=_("sensitive"),
    )

    # Set by `manage.py expire_images` once it has handled the expiry (cache
    # purged, moderators told), so it does so once.
    expiry_handled_on = models.DateField(null=True, blank=True, editable=False)

    objects = ImageQuerySet.as_manager()

    admin_form_fields = WagtailImage.admin_form_fields + (
        "credit",
        "rights",
        "licence_url",
        "identifiable_people",
        "consent_reference",
        "usage_expires",
        "sensitive",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def clean(self):
        super().clean()
        self.credit = self.credit.strip()
        self.consent_reference = self.consent_reference.strip()
        if self.identifiable_people and not self.consent_reference:
            raise ValidationError(
                {
                    "consent_reference": _(
                        "Give the consent reference: the image shows identifiable people."
                    )
                }
            )

    # --- No location or device data stored or served ----------------------------

    def save(self, *args, **kwargs):
        """A new file is stored without its location and device data, however
        it came (the admin's forms clean it already, and say so when they
        cannot; the demo loader, scripts)."""
        if self.file and not getattr(self.file, "_committed", True):
            self.file.seek(0)
            original = self.file.read()
            try:
                cleaned = strip_metadata(original)
            except MetadataError:
                logger.warning("Image %r: metadata left in place (unreadable)", self.title)
                cleaned = original
            if cleaned != original:
                self.file = File(io.BytesIO(cleaned), name=self.file.name)
                self.file_size = len(cleaned)
                self.file_hash = hash_filelike(io.BytesIO(cleaned))
            else:
                self.file.seek(0)
        super().save(*args, **kwargs)

    def generate_rendition_file(self, filter, *, source=None):
        """Wagtail's rendition, without any metadata the encoder kept (the
        orientation is applied to the pixels already)."""
        rendition_file = super().generate_rendition_file(filter, source=source)
        rendition_file.seek(0)
        data = rendition_file.read()
        try:
            cleaned = strip_metadata(data, keep_orientation=False)
        except MetadataError:
            logger.error("Image %s: rendition %s could not be cleaned", self.pk, filter.spec)
            raise
        return File(io.BytesIO(cleaned), name=rendition_file.name)

    # --- What may be published -------------------------------------------------

    def is_expired(self, day=None):
        day = day or timezone.localdate()
        return self.usage_expires is not None and self.usage_expires < day

    def is_public_usable(self, day=None):
        """Whether the public site may show the image on ``day`` (today)."""
        return not self.sensitive and not self.is_expired(day)

    def publication_problems(self, day=None):
        """Why the image may not be used on a published page (empty if it may)."""
        problems = []
        if self.sensitive:
            problems.append(_("it is marked sensitive (internal use only)"))
        if self.is_expired(day):
            problems.append(
                _("its usage expired on %(date)s") % {"date": self.usage_expires.isoformat()}
            )
        if not self.credit.strip():
            problems.append(_("it has no credit"))
        if self.identifiable_people and not self.consent_reference.strip():
            problems.append(_("it shows identifiable people and has no consent reference"))
        return problems

    def badges(self, day=None):
        """Short labels of the image's state for the admin's listing and chooser:
        (css modifier, label)."""
        day = day or timezone.localdate()
        found = []
        if self.sensitive:
            found.append(("critical", _("Sensitive")))
        if self.is_expired(day):
            found.append(("critical", _("Expired")))
        elif self.usage_expires is not None and self.usage_expires <= day + datetime.timedelta(30):
            found.append(("warning", _("Expires %(date)s") % {"date": self.usage_expires}))
        if not self.credit.strip():
            found.append(("warning", _("No credit")))
        if self.identifiable_people:
            if self.consent_reference.strip():
                found.append(("info", _("People: consent given")))
            else:
                found.append(("critical", _("People: no consent")))
        return found


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
