"""The PDF of a report issue: HTML from a template, then WeasyPrint.

The HTML is made from the same content as the issue page (the sections' stories
as readers see them, in the issue's language, and the missions' contact pages)
with ``newsroom/pdf/report_issue.html``. Pictures are renditions read from
Django's default storage through ``storage_url_fetcher``: nothing assumes the
media are local files, and WeasyPrint fetches nothing from the network.
"""

import hashlib
import mimetypes
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

from missions.models import mission_contact_pages
from newsroom.cards import report_sections
from website.sites import home_of, with_homes

MEDIA_SCHEME = "newsroom-media"
# Renditions: lead photos as printed (about 60 mm wide at 200 dpi), the cover larger.
STORY_IMAGE_SPEC = "fill-480x320-c100|format-jpeg|jpegquality-80"
COVER_IMAGE_SPEC = "max-1400x1000|format-jpeg|jpegquality-80"
# PDF/UA-1: a tagged PDF, with the document's language and title.
PDF_VARIANT = "pdf/ua-1"
TEMPLATE = "newsroom/pdf/report_issue.html"


def media_src(rendition):
    """The address of a rendition for WeasyPrint (see StorageURLFetcher)."""
    return f"{MEDIA_SCHEME}:{quote(rendition.file.name)}"


@dataclass
class Story:
    page: object
    home: object
    image_src: str = ""
    credit: str = ""


@dataclass
class Section:
    number: int
    block: object
    stories: list = field(default_factory=list)
    # [(PublicationPage, [(file, absolute address)])]
    publications: list = field(default_factory=list)


def issue_context(page):
    """What the template needs, in the active language (the issue's)."""
    from newsroom import library

    sections = []
    featured = library.report_publications(page.sections)
    for number, (block, cards) in enumerate(report_sections(page.sections), start=1):
        stories = []
        for story, home in cards:
            src = credit = ""
            if story.lead_image_id and story.lead_image.is_public_usable():
                src = media_src(story.lead_image.get_rendition(STORY_IMAGE_SPEC))
                credit = story.lead_image_credit or story.lead_image.credit
            stories.append(Story(story, home, src, credit))
        publications = [
            (publication, library.file_links(publication)) for publication in featured[number - 1]
        ]
        sections.append(Section(number, block, stories, publications))
    cover_src = cover_credit = ""
    if page.cover_image_id and page.cover_image.is_public_usable():
        cover_src = media_src(page.cover_image.get_rendition(COVER_IMAGE_SPEC))
        cover_credit = page.cover_image.credit
    return {
        "page": page,
        "series": page.get_parent().specific,
        "sections": sections,
        "cover_src": cover_src,
        "cover_credit": cover_credit,
        # The organisation publishing the issue: its site's home page, in its language.
        "publisher": home_of(page).title,
        "missions": with_homes(mission_contact_pages(page.locale)),
        "language_code": page.locale.language_code,
        "language_name": page.locale.get_display_name(),
        "page_url": page.get_full_url(),
    }


def render_html(page):
    """The issue as the HTML the PDF is made from, in the issue's language."""
    with translation.override(page.locale.language_code):
        return render_to_string(TEMPLATE, issue_context(page))


def fingerprint(html):
    return hashlib.sha256(html.encode()).hexdigest()


def html_to_pdf(html, base_url=None):
    """The PDF (bytes) of the HTML: A4, fonts embedded, tagged (PDF/UA-1).
    ``base_url`` (the issue's address) completes relative links of rich text."""
    from PIL import ImageFile
    from weasyprint import HTML

    # Importing WeasyPrint lets Pillow accept truncated images in the whole
    # process (ImageFile.LOAD_TRUNCATED_IMAGES); the PDF only reads our own
    # renditions, and the admin's uploads must keep refusing damaged files.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    document = HTML(string=html, base_url=base_url, url_fetcher=storage_url_fetcher())
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def storage_url_fetcher():
    """A WeasyPrint URL fetcher that gives it the site's own media, read from
    the default storage (local folder or object storage alike), and refuses
    every other address. Built on first use: WeasyPrint needs pango, which only
    the process making PDFs must have."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StorageURLFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={MEDIA_SCHEME})

        def fetch(self, url, headers=None):
            scheme, _, name = url.partition(":")
            if scheme != MEDIA_SCHEME or not name:
                raise ValueError(f"PDF editions only include the site's own media, not {url!r}")
            name = unquote(name)
            with default_storage.open(name, "rb") as file:
                body = file.read()
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    return StorageURLFetcher()
