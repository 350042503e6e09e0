"""Factories for every page type, the topic snippet and images.

Pages are built with wagtail-factories. Each factory makes a valid page with
real content (a summary, a body with a paragraph, a contact page with an
e-mail, a report issue with a section), so the page saves, validates and
renders without further arguments.

Parents: a page factory called without ``parent=`` builds the parents it
needs (a NewsItemPage gets a NewsIndexPage under a new MissionHomePage);
home pages default to children of the tree root. Pass ``parent=page`` to put
a page where you want it.

StreamField values are given in their stored (JSON) form; the helpers
``paragraph``, ``story_body``, ``report_section`` and ``contact_email`` /
``hotline`` build them.

Titles, slugs and numbers come from sequences, and the only random source
(factory_boy's) is seeded in tests/conftest.py, so the content is the same
from run to run.
"""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page

from missions.models import ContactIndexPage, MissionContactPage, MissionHomePage
from newsroom.models import (
    GalleryIndexPage,
    GalleryPhoto,
    NewsIndexPage,
    NewsItemPage,
    PhotoGalleryPage,
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    ReportIndexPage,
    ReportIssuePage,
    Topic,
)
from website.models import RegionalHomePage

# --- StreamField values ------------------------------------------------------


def paragraph(html):
    """A paragraph block of a story body, in stored form."""
    return {"type": "paragraph", "value": html}


def story_body(text="IOM helped returning migrants find work at home."):
    """A story body: one paragraph of the given text."""
    return [paragraph(f"<p>{text}</p>")]


def report_section(heading, stories=(), intro=""):
    """A section of a report issue picking the given stories, in that order."""
    return {
        "type": "section",
        "value": {
            "heading": heading,
            "intro": f"<p>{intro}</p>" if intro else "",
            "stories": [story.pk for story in stories],
            "text": "",
        },
    }


def contact_email(email, label="General enquiries"):
    """A labelled e-mail address of a contact page, in stored form."""
    return {"type": "email", "value": {"label": label, "email": email}}


def hotline(number, label="National hotline", hours="24/7", toll_free=True):
    """A hotline of a contact page, in stored form."""
    return {
        "type": "hotline",
        "value": {"label": label, "number": number, "hours": hours, "toll_free": toll_free},
    }


def emergency_number(number, label="Emergency cell number"):
    return {"type": "number", "value": {"label": label, "number": number}}


# --- Images and snippets -----------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (wagtail-factories would make a new root)."""

    title = factory.Sequence(lambda n: f"Photo {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=64, height=48, color="blue")
    # Publishable as made: credited, no identifiable people, no expiry.
    credit = "© IOM"


class TopicFactory(DjangoModelFactory):
    """A topic in the source language (English)."""

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    description = "Stories about this subject."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic
        django_get_or_create = ("slug", "locale")


# --- Pages -------------------------------------------------------------------


def _tree_root():
    return Page.get_first_root_node()


class RegionalHomePageFactory(wagtail_factories.PageFactory):
    parent = factory.LazyFunction(_tree_root)
    title = "Central Asia"
    slug = "central-asia"
    intro = "<p>IOM's regional office for Central Asia.</p>"

    class Meta:
        model = RegionalHomePage


class MissionHomePageFactory(wagtail_factories.PageFactory):
    parent = factory.LazyFunction(_tree_root)
    title = factory.Sequence(lambda n: f"Mission {n}")
    country = "KZ"
    languages_spoken = "Kazakh, Russian, English"
    intro = "<p>The mission helps migrants and the communities they leave and join.</p>"
    hotline_label = "National hotline"
    hotline_number = "1899"

    class Meta:
        model = MissionHomePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MissionHomePageFactory)
    title = "News"
    slug = "news"
    intro = "<p>Stories from our work.</p>"

    class Meta:
        model = NewsIndexPage


class NewsItemPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(NewsIndexPageFactory)
    title = factory.Sequence(lambda n: f"Story {n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = factory.LazyAttribute(lambda obj: f"The summary of {obj.title}.")
    body = factory.LazyAttribute(lambda obj: story_body(f"The body of {obj.title}."))

    class Meta:
        model = NewsItemPage

    class Params:
        # NewsItemPageFactory(with_lead_image=True): a lead image with alt text.
        with_lead_image = factory.Trait(
            lead_image=factory.SubFactory(ImageFactory),
            lead_image_alt="Migrants at a job fair",
            lead_image_caption="A job fair in Bishkek.",
            lead_image_credit="© IOM",
        )


class GalleryIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MissionHomePageFactory)
    title = "Photos"
    slug = "photos"
    intro = "<p>Our work in pictures.</p>"

    class Meta:
        model = GalleryIndexPage


class PhotoGalleryPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(GalleryIndexPageFactory)
    title = factory.Sequence(lambda n: f"Gallery {n}")
    date = datetime.date(2024, 5, 1)
    place = "Kostanay"
    intro = "<p>A day at the reintegration centre.</p>"

    class Meta:
        model = PhotoGalleryPage


class GalleryPhotoFactory(DjangoModelFactory):
    page = factory.SubFactory(PhotoGalleryPageFactory)
    image = factory.SubFactory(ImageFactory)
    alt_text = factory.Sequence(lambda n: f"Photo {n}: a shoemaker at his workbench")
    caption = "A new trade learned at the centre."
    credit = "© IOM"
    sort_order = factory.Sequence(lambda n: n)
    locale = factory.LazyAttribute(lambda obj: obj.page.locale)

    class Meta:
        model = GalleryPhoto


class MissionContactPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MissionHomePageFactory)
    title = "Contact"
    slug = "contact"
    intro = "<p>Call the hotline first; it answers day and night.</p>"
    hotlines = factory.LazyFunction(lambda: [hotline("1899")])
    emergency_numbers = factory.LazyFunction(lambda: [emergency_number("+992 900 800 800")])
    emails = factory.LazyAttribute(
        lambda obj: [contact_email(f"iom{slugify(obj.parent.title)}@iom.int")]
    )
    offices = factory.LazyFunction(
        lambda: [
            {
                "type": "office",
                "value": {
                    "name": "Main office",
                    "address": "303 Baizakov Street",
                    "city": "Almaty",
                    "map_url": "https://www.openstreetmap.org/",
                    "phone": "+7 727 258 26 43",
                },
            }
        ]
    )

    class Meta:
        model = MissionContactPage


class ContactIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(RegionalHomePageFactory)
    title = "Contacts"
    slug = "contacts"
    intro = "<p>Every mission's hotlines, e-mails and offices.</p>"

    class Meta:
        model = ContactIndexPage


class ReportIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(RegionalHomePageFactory)
    title = "Regional Response Report"
    slug = "reports"
    description = "<p>What the missions did, every quarter.</p>"

    class Meta:
        model = ReportIndexPage


class ReportIssuePageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(ReportIndexPageFactory)
    issue_number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda obj: f"Issue {obj.issue_number}")
    publication_date = factory.Sequence(
        lambda n: datetime.date(2024, 1, 15) + datetime.timedelta(days=91 * n)
    )
    summary = factory.LazyAttribute(lambda obj: f"What the missions did in {obj.title}.")
    sections = factory.LazyFunction(
        lambda: [report_section("Direct assistance", intro="Help given to migrants.")]
    )

    class Meta:
        model = ReportIssuePage


# --- Publications --------------------------------------------------------------


def pdf_bytes(pages=1, text=""):
    """A small valid PDF of ``pages`` blank pages (pypdf); ``text`` is put in
    its metadata, to tell files apart."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if text:
        writer.add_metadata({"/Title": text})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class PdfDocumentFactory(DjangoModelFactory):
    """A PDF document in the root collection; ``pages`` sets its page count."""

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda obj: ContentFile(pdf_bytes(obj.pages, obj.title), name=f"{slugify(obj.title)}.pdf")
    )

    class Meta:
        model = get_document_model()

    class Params:
        pages = 2


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MissionHomePageFactory)
    title = "Publications"
    slug = "publications"
    intro = "<p>Handbooks, brochures and reports to download.</p>"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    """A publication with a PDF file per language of ``files`` (default
    Russian and Kyrgyz; ``files=[]`` for none)."""

    parent = factory.SubFactory(PublicationIndexPageFactory)
    title = factory.Sequence(lambda n: f"Publication {n}")
    kind = "handbook"
    date = factory.Sequence(lambda n: datetime.date(2023, 1, 1) + datetime.timedelta(days=n))
    summary = factory.LazyAttribute(lambda obj: f"What {obj.title} explains.")

    class Meta:
        model = PublicationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def files(obj, create, extracted, **kwargs):
        if not create:
            return
        languages = ("ru", "ky") if extracted is None else extracted
        for position, language in enumerate(languages):
            document = PdfDocumentFactory(title=f"{obj.title} ({language})")
            PublicationFile.objects.create(
                page=obj, document=document, language=language, sort_order=position
            )
