"""Making the PDF of an issue (what the task runs), and asking for it (what
publishing does).

``request_pdfs`` is called from the page signals: it marks the issues' PDFs as
waiting and enqueues one task per issue page once the transaction commits, so
the worker sees the published content and a failure can never undo a publish.
``generate_pdf`` is the task's body: it renders the HTML, skips WeasyPrint when
the content is the same as the PDF already made from it, and records a failure
(logged, and shown on the issue's edit page) instead of raising.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from newsroom.editions import render
from newsroom.editions.models import ReportIssuePDF

logger = logging.getLogger(__name__)

Status = ReportIssuePDF.Status


def _chosen_story_ids(sections):
    """The pks of the stories an issue's sections choose, from the stored data."""
    ids = set()
    for block in sections.raw_data:
        for item in (block.get("value") or {}).get("stories") or []:
            value = item.get("value") if isinstance(item, dict) else item
            if isinstance(value, int):
                ids.add(value)
    return ids


def live_issue_ids():
    from newsroom.models import ReportIssuePage

    return list(ReportIssuePage.objects.live().values_list("pk", flat=True))


def issues_showing(story):
    """The live issue pages whose sections choose the story or one of its
    translations (an issue shows a chosen story in the issue's language)."""
    from newsroom.models import NewsItemPage, ReportIssuePage

    story_ids = set(
        NewsItemPage.objects.filter(translation_key=story.translation_key).values_list(
            "pk", flat=True
        )
    )
    story_ids.add(story.pk)
    issues = ReportIssuePage.objects.live().only("pk", "sections")
    return [issue.pk for issue in issues if _chosen_story_ids(issue.sections) & story_ids]


def request_pdfs(page_ids):
    """Mark the PDFs of these issue pages as waiting and enqueue their making
    once the current transaction commits (at once outside one)."""
    from newsroom.tasks import generate_report_pdf

    page_ids = sorted(set(page_ids))
    if not page_ids:
        return
    now = timezone.now()
    existing = set(
        ReportIssuePDF.objects.filter(page_id__in=page_ids).values_list("page_id", flat=True)
    )
    ReportIssuePDF.objects.filter(page_id__in=existing).update(
        status=Status.QUEUED, requested_at=now
    )
    ReportIssuePDF.objects.bulk_create(
        [
            ReportIssuePDF(page_id=page_id, status=Status.QUEUED, requested_at=now)
            for page_id in page_ids
            if page_id not in existing
        ]
    )

    def enqueue():
        for page_id in page_ids:
            generate_report_pdf.enqueue(page_id)

    # robust: an enqueue that fails (or, with the immediate backend, a task)
    # is logged; the publish that asked for it has committed and stands.
    transaction.on_commit(enqueue, robust=True)


def remove_pdf(page_id):
    """Forget an issue page's PDF (unpublished or deleted issue)."""
    edition = ReportIssuePDF.objects.filter(page_id=page_id).first()
    if edition is not None:
        edition.delete_file()
        edition.delete()


def generate_pdf(page_id):
    """Make (or keep) the PDF of one issue page. Returns the ReportIssuePDF,
    or None when the page is gone or not live (its PDF is then removed)."""
    from newsroom.models import ReportIssuePage

    page = ReportIssuePage.objects.filter(pk=page_id).select_related("locale").first()
    if page is None:
        return None
    if not page.live:
        remove_pdf(page.pk)
        return None
    edition, _created = ReportIssuePDF.objects.get_or_create(page=page)
    language = page.locale.language_code
    try:
        html = render.render_html(page)
        checksum = render.fingerprint(html)
        if (
            edition.status == Status.READY
            and edition.file
            and edition.source_fingerprint == checksum
        ):
            return edition  # nothing a reader sees has changed
        edition.status = Status.GENERATING
        edition.save(update_fields=["status"])
        pdf = render.html_to_pdf(html, base_url=page.get_full_url())
    except Exception as error:
        logger.exception("The PDF of report issue %s (%s, page %s) failed", page, language, page.pk)
        edition.status = Status.FAILED
        edition.error = f"{type(error).__name__}: {error}"[:2000]
        # A PDF made from older content is not left online: a story may have
        # been unpublished for a reason.
        edition.delete_file()
        edition.save()
        return edition

    old = edition.file.name if edition.file else ""
    stamp = timezone.now()
    name = f"issue-{page.issue_number}-{language}-{checksum[:12]}.pdf"
    edition.file.save(name, ContentFile(pdf), save=False)
    edition.file_size = len(pdf)
    edition.status = Status.READY
    edition.error = ""
    edition.generated_at = stamp
    edition.source_revision_id = page.live_revision_id
    edition.source_fingerprint = checksum
    storage = edition.file.storage
    with transaction.atomic():
        # Another worker may have made this issue's PDF meanwhile: the file
        # it recorded is replaced too, not left behind in storage.
        current = (
            ReportIssuePDF.objects.select_for_update()
            .filter(pk=edition.pk)
            .values_list("file", flat=True)
            .first()
        )
        edition.save()
        for stale in {old, current or ""} - {"", edition.file.name}:
            transaction.on_commit(lambda stale=stale: storage.delete(stale), robust=True)
    logger.info("Made the PDF of report issue %s (%s): %s bytes", page, language, len(pdf))
    return edition
