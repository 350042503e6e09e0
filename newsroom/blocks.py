"""StreamField blocks of the newsroom that point at its own page types: a
publication in a story's body (``PublicationBlock``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from website.prepared import Prepared


def shown_publications(chosen, parent_context):
    """{chosen page's pk: publication to show} (newsroom.library.publication_cards),
    as the page prepared it for every block (``publication_cards`` in its
    context), or checked here when the block renders alone (a preview)."""
    prepared = (parent_context or {}).get("publication_cards")
    if prepared is not None:
        return prepared
    from newsroom import library

    return library.publication_cards(chosen)


def section_publications(chosen, shown):
    """The publications of ``shown`` for the ``chosen`` pages, in order, each once."""
    publications, seen = [], set()
    for page in chosen:
        publication = shown.get(page.pk)
        if publication is not None and publication.pk not in seen:
            seen.add(publication.pk)
            publications.append(publication)
    return publications


def _publication_files(page_ids):
    from newsroom.models import PublicationFile

    return (
        PublicationFile.objects.filter(page_id__in=page_ids)
        .select_related("document", "page__cover_image")
        .order_by("page_id", "sort_order", "pk")
    )


_PUBLICATION_FILES = Prepared(_publication_files)


class PublicationBlock(blocks.PageChooserBlock):
    """A publication's card in a story: cover, kind, title, the languages of
    its files and their download links. Shown in the reader's language where
    the publication is translated; left out while it is not published."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("A publication of any site, with its download links."))
        kwargs.setdefault("label", _("Publication"))
        super().__init__(page_type="newsroom.PublicationPage", **kwargs)

    def to_python(self, value):
        if value is None or not isinstance(value, int | str):
            return value
        return self.bulk_to_python([value])[0]

    def bulk_to_python(self, values):
        """The chosen publications with their covers and files (each file
        with its document), ready to show: one query, through their files (a
        publication that may be shown has files); one more only for chosen
        pages without files (drafts)."""
        from newsroom.models import PublicationPage

        ids = set()
        for value in values:
            try:
                ids.add(int(value))
            except (TypeError, ValueError):
                continue
        pages = {}
        if ids:
            for file in _PUBLICATION_FILES.run(sorted(ids)):
                page = pages.setdefault(file.page_id, file.page)
                page.__dict__.setdefault("_shown_files", []).append(file)
                file.page = page
            missing = ids - set(pages)
            if missing:
                for page in PublicationPage.objects.filter(pk__in=missing).select_related(
                    "cover_image"
                ):
                    page.__dict__["_shown_files"] = []
                    pages[page.pk] = page
        result = []
        for value in values:
            try:
                result.append(pages.get(int(value)))
            except (TypeError, ValueError):
                result.append(None)
        return result

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        shown = shown_publications([value] if value is not None else [], parent_context)
        context["publication"] = shown.get(getattr(value, "pk", None))
        return context

    def get_preview_value(self):
        from newsroom.models import PublicationPage

        return PublicationPage.objects.live().order_by("-date").first()

    class Meta:
        icon = "doc-full-inverse"
        description = _("A handbook, brochure or report, with its cover and download links.")
        template = "newsroom/blocks/publication.html"
