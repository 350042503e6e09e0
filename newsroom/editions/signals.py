"""What asks for PDF editions: publishing or unpublishing an issue, a story it
shows, a mission's contact page (the "contact the missions" block), or a page
whose title an issue prints (a mission's home page: the stories' missions; the
regional home page: the cover's publisher; a report series: the cover). An
issue whose printed content did not change is not made again
(generate.generate_pdf compares it)."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from missions.models import MissionContactPage, MissionHomePage
from newsroom.editions import generate
from newsroom.editions.models import ReportIssuePDF
from newsroom.models import NewsItemPage, ReportIndexPage, ReportIssuePage


def _kind(sender):
    if not isinstance(sender, type):
        return None
    for kind, model in (
        ("issue", ReportIssuePage),
        ("story", NewsItemPage),
        ("contact", MissionContactPage),
        ("printed-title", MissionHomePage),
        ("printed-title", ReportIndexPage),
    ):
        if issubclass(sender, model):
            return kind
    # The regional home page (the public site's model) says it lists every
    # mission's stories: its title is printed too.
    if getattr(sender, "lists_every_story", False):
        return "printed-title"
    return None


def on_page_published(sender, instance, **kwargs):
    kind = _kind(sender)
    if kind == "issue":
        generate.request_pdfs([instance.pk])
    elif kind == "story":
        generate.request_pdfs(generate.issues_showing(instance))
    elif kind in ("contact", "printed-title"):
        generate.request_pdfs(generate.live_issue_ids())


def on_page_unpublished(sender, instance, **kwargs):
    kind = _kind(sender)
    if kind == "issue":
        generate.remove_pdf(instance.pk)
    elif kind == "story":
        generate.request_pdfs(generate.issues_showing(instance))
    elif kind == "contact":
        generate.request_pdfs(generate.live_issue_ids())


def on_edition_deleted(sender, instance, **kwargs):
    """A deleted issue page takes its PDF row along (cascade): delete the file too."""
    instance.delete_file()


def connect():
    page_published.connect(on_page_published, dispatch_uid="report_pdf_on_publish")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="report_pdf_on_unpublish")
    post_delete.connect(
        on_edition_deleted, sender=ReportIssuePDF, dispatch_uid="report_pdf_file_on_delete"
    )
