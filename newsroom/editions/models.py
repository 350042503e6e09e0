"""The state of the PDF edition of one report issue page (an issue in one language)."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


def edition_upload_to(edition, filename):
    # The route (…/pdf/) is the stable address; the file name only has to be
    # unique, so that a new PDF never overwrites one being downloaded.
    return f"report-editions/{edition.page_id}/{filename}"


class ReportIssuePDF(models.Model):
    """The PDF of a ReportIssuePage. Each translation of an issue is its own
    page, so there is one of these per issue and language."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be made")
        GENERATING = "generating", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    page = models.OneToOneField(
        "newsroom.ReportIssuePage",
        on_delete=models.CASCADE,
        related_name="generated_pdf",
        verbose_name=_("report issue"),
    )
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.QUEUED,
        verbose_name=_("status"),
    )
    file = models.FileField(
        upload_to=edition_upload_to,
        blank=True,
        verbose_name=_("file"),
    )
    file_size = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        verbose_name=_("file size"),
    )
    error = models.TextField(
        blank=True,
        help_text=_("Why the last attempt failed."),
        verbose_name=_("error"),
    )
    requested_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("requested at"),
    )
    generated_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("made at"),
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The issue's revision the PDF was made from."),
        verbose_name=_("source revision"),
    )
    source_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        help_text=_("Checksum of the content the PDF was made from."),
        verbose_name=_("source fingerprint"),
    )

    class Meta:
        verbose_name = _("report issue PDF")
        verbose_name_plural = _("report issue PDFs")

    def __str__(self):
        return f"PDF of {self.page_id}: {self.status}"

    @property
    def is_available(self):
        """Whether there is a PDF to serve (an older one stays while a new one is made)."""
        return bool(self.file) and self.status != self.Status.FAILED

    def delete_file(self):
        """Forget the file, and delete it from storage once the transaction commits."""
        if not self.file:
            return
        storage, name = self.file.storage, self.file.name
        self.file = ""
        self.file_size = None
        transaction.on_commit(lambda: storage.delete(name), robust=True)
