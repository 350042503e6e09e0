"""Builds the demo site of ``content`` through the models, idempotently.

Everything is looked up before it is made: sites by hostname, pages by their
demo identity (a translation key derived from a fixed name, so a page an
editor renamed is still found) and then by slug under their parent, images by
title and collection, topics by slug. What exists is kept as it is, because an
editor may have changed it; with ``reset=True`` the demo's words, pictures and
links are put back (as a new, published revision) wherever they differ.
Nothing is ever deleted, except Wagtail's own untouched welcome page.
"""

import copy
import io
from collections import Counter, defaultdict

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from demo import content
from demo.content import SPECS, demo_translation_key
from demo.images import render_illustration
from demo.pdfs import render_demo_pdf
from demo.translate import translate_demo
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
from newsroom.models.publications import inspect_pdf
from website.models import FooterText, RegionalHomePage, SiteSettings
from website.structure import REGIONAL, get_or_create_collection

DEMO_IMAGE_CREDIT = "Generated illustration (demo content)"
DEMO_IMAGE_RIGHTS = "Generated illustration for the demo site; not a photograph."
# The demo pictures of people in Issue 1: the shoemaker in Kostanay and the
# food aid in Kyrgyzstan.
DEMO_IDENTIFIABLE = {
    "kz-shoemaker-workbench": "DEMO-CONSENT-KZ-001 (demo: no real person)",
    "kg-food-aid": "DEMO-CONSENT-KG-001 (demo: no real person)",
}

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"

CREATED, KEPT, RESTORED = "created", "kept", "restored"


class DemoContentError(Exception):
    """The database holds something in the way of the demo (e.g. a page of
    another type at a demo page's address)."""


def _without_block_ids(data):
    """Stored StreamField data without the blocks' random ids, to compare."""
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        is_block = "type" in data and "value" in data
        return {k: _without_block_ids(v) for k, v in data.items() if not (is_block and k == "id")}
    return data


class DemoLoader:
    def __init__(self, reset=False):
        self.reset = reset
        self.tally = defaultdict(Counter)  # kind -> Counter(created/kept/restored)
        self.notes = []
        self._page_states = {}  # page pk -> CREATED / KEPT / RESTORED
        self._published = set()

    # --- The whole demo ----------------------------------------------------------

    def run(self):
        self.locale = Locale.get_default()
        self.remove_wagtail_welcome_page()

        self.topics = {topic.slug: self.ensure_topic(topic) for topic in content.TOPICS}
        self.illustrations = {ill.key: ill for ill in content.ILLUSTRATIONS}
        self.images = {ill.key: self.ensure_image(ill) for ill in content.ILLUSTRATIONS}

        homes = self.build_home_pages()
        self.sites = {
            slug: self.ensure_site(SPECS[slug], home, default=(slug == content.REGION))
            for slug, home in homes.items()
        }
        news, photos, report_index = self.build_index_pages(homes)
        self.publications = {
            publication.key: self.ensure_page(
                self.publication_indexes[publication.site],
                PublicationPage,
                f"{publication.site}/publications/{publication.key}",
                self.publication_values(publication),
            )
            for publication in content.PUBLICATIONS
        }
        for contacts in content.CONTACTS:
            self.ensure_page(
                homes[contacts.site],
                MissionContactPage,
                f"{contacts.site}/contact",
                self.contact_page_values(contacts),
            )
        stories = {
            story.key: self.ensure_page(
                news[story.site],
                NewsItemPage,
                f"{story.site}/news/{story.key}",
                self.story_values(story),
            )
            for story in content.STORIES
        }
        for gallery in content.GALLERIES:
            self.ensure_page(
                photos[gallery.site],
                PhotoGalleryPage,
                f"{gallery.site}/photos/{gallery.slug}",
                self.gallery_values(gallery),
            )
        self.ensure_page(
            report_index,
            ReportIssuePage,
            f"{content.REGION}/reports/{content.REPORT_ISSUE['slug']}",
            self.report_issue_values(stories),
        )
        self.complete_page(
            homes[content.REGION],
            {
                "featured_stories": [
                    {"type": "story", "value": stories[key].pk} for key in content.FEATURED_STORIES
                ]
            },
        )
        for slug, site in self.sites.items():
            self.ensure_site_settings(slug, site)

        self.tally["pages"].update(self._page_states.values())
        # The Russian and Kyrgyz translations, through wagtail-localize.
        translate_demo(self)

    def build_home_pages(self):
        """The regional home and the mission homes, by site slug, in tree order."""
        root = Page.get_first_root_node()
        homes = {
            content.REGION: self.ensure_page(
                root,
                RegionalHomePage,
                content.REGION,
                {"title": REGIONAL.name, "slug": REGIONAL.slug, "intro": content.REGIONAL_INTRO},
                publish=False,  # its featured stories come once the stories exist
            )
        }
        for mission in content.MISSION_PAGES:
            spec = SPECS[mission.site]
            homes[mission.site] = self.ensure_page(
                root,
                MissionHomePage,
                mission.site,
                {
                    "title": spec.name,
                    "slug": spec.slug,
                    "country": spec.country,
                    "languages_spoken": mission.languages_spoken,
                    "intro": mission.intro,
                    "hotline_label": mission.hotline_label,
                    "hotline_number": mission.hotline_number,
                },
            )
        return homes

    def build_index_pages(self, homes):
        """Each home's index pages, in the order DESIGN.md draws them."""
        news, photos = {}, {}
        self.publication_indexes = {}
        region = content.REGION
        for slug, home in homes.items():
            news[slug] = self.ensure_page(home, NewsIndexPage, f"{slug}/news", content.NEWS_INDEX)
            if slug == region:
                report_index = self.ensure_page(
                    home, ReportIndexPage, f"{slug}/reports", content.REPORT_INDEX
                )
            photos[slug] = self.ensure_page(
                home, GalleryIndexPage, f"{slug}/photos", content.GALLERY_INDEX
            )
            self.publication_indexes[slug] = self.ensure_page(
                home, PublicationIndexPage, f"{slug}/publications", content.PUBLICATION_INDEX
            )
            if slug == region:
                self.ensure_page(home, ContactIndexPage, f"{slug}/contacts", content.CONTACT_INDEX)
        return news, photos, report_index

    # --- Values of each kind of page ------------------------------------------------

    def picture(self, picture):
        """Image, alt text, caption and credit of an illustration used on a page."""
        illustration = self.illustrations[picture.illustration]
        return (
            self.images[picture.illustration],
            illustration.alt,
            picture.caption,
            content.ILLUSTRATION_CREDIT,
        )

    def story_values(self, story):
        image, alt, caption, credit = self.picture(story.lead)
        return {
            "title": story.title,
            "slug": story.slug,
            "date": story.date,
            "summary": story.summary,
            "lead_image": image,
            "lead_image_alt": alt,
            "lead_image_caption": caption,
            "lead_image_credit": credit,
            "body": self.with_publications(story),
            "topics": [self.topics[slug] for slug in story.topics],
            "shared_with": [self.sites[slug] for slug in story.shared_with],
            "source_url": story.source_url,
        }

    def with_publications(self, story):
        """The story's body with a publication block for each publication
        that mentions it, after the block that follows its heading."""
        body = list(story.body)
        for publication in reversed(content.PUBLICATIONS):
            for key, heading in publication.mentioned_in:
                if key != story.key:
                    continue
                at = next(
                    (
                        position
                        for position, block in enumerate(body)
                        if block["type"] == "heading" and block["value"]["text"] == heading
                    ),
                    len(body) - 2,
                )
                block = {"type": "publication", "value": self.publications[publication.key].pk}
                body.insert(min(at + 2, len(body)), block)
        return body

    def publication_values(self, publication):
        illustration = self.illustrations[publication.cover]
        files = []
        for position, spec in enumerate(publication.files):
            document = self.ensure_document(publication, spec)
            page_count, file_size, text = inspect_pdf(document, with_text=True)
            files.append(
                PublicationFile(
                    document=document,
                    language=spec.language,
                    page_count=page_count,
                    file_size=file_size,
                    text=text,
                    sort_order=position,
                )
            )
        return {
            "title": publication.title,
            "slug": publication.slug,
            "kind": publication.kind,
            "date": publication.date,
            "summary": publication.summary,
            "cover_image": self.images[illustration.key],
            "cover_image_alt": illustration.alt,
            "topics": [self.topics[slug] for slug in publication.topics],
            "shared_with": [self.sites[slug] for slug in publication.shared_with],
            "files": files,
        }

    def ensure_document(self, publication, spec):
        """A demo PDF as a Wagtail document in its site's collection, made
        once and then kept, like the illustrations."""
        Document = get_document_model()
        collection = get_or_create_collection(SPECS[publication.site].collection)
        document = (
            Document.objects.filter(title=spec.title, collection=collection).order_by("pk").first()
        )
        if document is not None:
            self.tally["documents"][KEPT] += 1
            return document
        data = render_demo_pdf(spec.title, spec.language, spec.lines)
        document = Document(
            title=spec.title,
            collection=collection,
            file=ContentFile(data, name=f"demo-{publication.slug}-{spec.language}.pdf"),
        )
        document.save()
        self.tally["documents"][CREATED] += 1
        return document

    def gallery_values(self, gallery):
        photos = []
        for position, picture in enumerate(gallery.photos):
            image, alt, caption, credit = self.picture(picture)
            photos.append(
                GalleryPhoto(
                    image=image,
                    alt_text=alt,
                    caption=caption,
                    credit=credit,
                    locale=self.locale,
                    # Numbered as the admin's form numbers them: without it every
                    # photo has none, and PostgreSQL returns them in any order.
                    sort_order=position,
                )
            )
        return {
            "title": gallery.title,
            "slug": gallery.slug,
            "date": gallery.date,
            "place": gallery.place,
            "intro": gallery.intro,
            "photos": photos,
        }

    def contact_page_values(self, contacts):
        return {
            **content.CONTACT_PAGE,
            "intro": contacts.intro,
            "hotlines": [
                {
                    "type": "hotline",
                    # Every text given, if empty: wagtail-localize cannot
                    # extract a text block stored as null.
                    "value": {
                        "label": label,
                        "number": number,
                        "hours": "",
                        "toll_free": toll_free,
                    },
                }
                for label, number, toll_free in contacts.hotlines
            ],
            "emergency_numbers": [
                {"type": "number", "value": {"label": label, "number": number}}
                for label, number in contacts.emergency_numbers
            ],
            "emails": [
                {"type": "email", "value": {"label": label, "email": address}}
                for label, address in contacts.emails
            ],
            "social_links": self.social_links(),
        }

    def report_issue_values(self, stories):
        issue = content.REPORT_ISSUE
        cover = self.illustrations[issue["cover"]]
        return {
            "title": issue["title"],
            "slug": issue["slug"],
            "issue_number": issue["issue_number"],
            "publication_date": issue["publication_date"],
            "summary": issue["summary"],
            "cover_image": self.images[cover.key],
            "cover_image_alt": cover.alt,
            "sections": [
                {
                    "type": "section",
                    "value": {
                        "heading": section.heading,
                        "intro": section.intro,
                        "stories": [stories[key].pk for key in section.stories],
                        "publications": [
                            self.publications[publication.key].pk
                            for publication in content.PUBLICATIONS
                            if publication.report_section == section.heading
                        ],
                    },
                }
                for section in content.REPORT_SECTIONS
            ],
        }

    @staticmethod
    def social_links():
        return [{"type": "link", "value": {"platform": "facebook", "url": content.FACEBOOK_URL}}]

    # --- Pages ---------------------------------------------------------------------

    def ensure_page(self, parent, model, key, values, *, publish=True):
        """The demo page ``key``: found, or created under ``parent`` from
        ``values`` (field name -> value; StreamFields in stored form)."""
        page = self._find_page(parent, model, key, values["slug"])
        if page is None:
            page = model(translation_key=demo_translation_key(key), locale=self.locale)
            page.live = False
            self._apply(page, values)
            parent.add_child(instance=page)
            state = CREATED
        elif self.reset and (differences := self._differences(page, values)):
            self._note_restored(page, differences)
            self._apply(page, values)
            state = RESTORED
        else:
            state = KEPT
        self._page_states[page.pk] = state
        if publish:
            self._publish_if_needed(page)
        return page

    def complete_page(self, page, values):
        """Set the values of a page created or restored with ``publish=False``
        that had to wait for other pages, and publish it."""
        state = self._page_states[page.pk]
        if state == KEPT and self.reset and (differences := self._differences(page, values)):
            state = RESTORED
            self._note_restored(page, differences)
        if state != KEPT:
            self._apply(page, values)
        self._page_states[page.pk] = state
        self._publish_if_needed(page)

    def _find_page(self, parent, model, key, slug):
        page = model.objects.filter(
            translation_key=demo_translation_key(key), locale=self.locale
        ).first()
        if page is not None:
            return page
        candidates = parent.get_children().filter(locale=self.locale)
        page = candidates.filter(slug=slug).first()
        # A singleton an editor made before the demo, under another slug.
        if page is None and model.max_count == 1:
            page = model.objects.filter(locale=self.locale).first()
        if page is None and model.max_count_per_parent == 1:
            page = candidates.type(model).first()
        if page is None:
            return None
        page = page.specific
        if not isinstance(page, model):
            raise DemoContentError(
                f"The page at {page.url_path} is a {page.specific_class.__name__}, where the "
                f"demo needs a {model.__name__}. Move or rename it, then run the command again."
            )
        return page

    def _publish_if_needed(self, page):
        if self._page_states[page.pk] != KEPT and page.pk not in self._published:
            page.save_revision().publish()
            self._published.add(page.pk)

    def _apply(self, page, values):
        for name, value in values.items():
            field = page._meta.get_field(name)
            if isinstance(field, StreamField):
                value = self._stream(field, value)
            setattr(page, name, value)

    @staticmethod
    def _stream(field, value):
        """A StreamValue with every block converted, so that its stored form
        is the current one (e.g. list items with ids) whatever the input."""
        if not isinstance(value, StreamValue):
            value = field.to_python(copy.deepcopy(value))
        for _block in value:  # converts each block from its raw form
            pass
        return value

    def _differences(self, page, values):
        """What of the page's latest content or its live state is not the
        demo's: "unpublished", "draft" or field names; empty when nothing."""
        if not page.live:
            return ["unpublished"]
        if page.has_unpublished_changes:
            return ["draft"]
        latest = page.get_latest_revision_as_object() if page.latest_revision_id else page
        return [
            name
            for name, value in values.items()
            if self._comparable(page, name, getattr(latest, name))
            != self._comparable(page, name, value)
        ]

    def _note_restored(self, page, differences):
        self.notes.append(f"Restored {page.url_path} ({', '.join(differences)}).")

    def _comparable(self, page, name, value):
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            stream = self._stream(field, value)
            return _without_block_ids(field.stream_block.get_prep_value(stream))
        if field.many_to_many:
            items = value.all() if hasattr(value, "all") else value
            return sorted(item.pk for item in items)
        if field.one_to_many:  # child objects (a ParentalKey's reverse side)
            items = value.all() if hasattr(value, "all") else value
            own = [
                f
                for f in field.related_model._meta.concrete_fields
                if not f.primary_key
                and f.name not in {field.field.name, "sort_order", "translation_key", "locale"}
            ]
            return [tuple(getattr(item, f.attname) for f in own) for item in items]
        if isinstance(value, models.Model):
            return value.pk
        return value

    # --- Wagtail's welcome page ------------------------------------------------------

    def remove_wagtail_welcome_page(self):
        """Delete the page and site Wagtail's first migration creates, but only
        while they are exactly as Wagtail made them."""
        root = Page.get_first_root_node()
        for page in root.get_children().exact_type(Page):
            sites = list(Site.objects.filter(root_page=page))
            untouched = (
                page.title == WAGTAIL_WELCOME_TITLE
                and page.slug == "home"
                and page.numchild == 0
                and page.latest_revision_id is None
                and not page.revisions.exists()
                and all(
                    (site.hostname, site.port, site.site_name) == ("localhost", 80, "")
                    for site in sites
                )
            )
            if not untouched:
                continue
            for site in sites:
                site.delete()
            page.delete()
            self.notes.append("Removed Wagtail's default welcome page and its localhost site.")

    # --- Sites, settings, topics, images -------------------------------------------

    def ensure_site(self, spec, home, default=False):
        values = {
            "port": settings.SITE_PORT,
            "root_page_id": home.pk,
            "site_name": spec.name,
            "is_default_site": default,
        }
        site = Site.objects.filter(hostname=spec.hostname).order_by("pk").first()
        if site is None:
            site = Site(hostname=spec.hostname, **values)
            state = CREATED
        elif self.reset and any(getattr(site, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(site, name, value)
            state = RESTORED
        else:
            state = KEPT
        if state != KEPT:
            if default:
                others = Site.objects.filter(is_default_site=True).exclude(pk=site.pk)
                for other in others:
                    self.notes.append(f"{other} is no longer the default site.")
                    other.is_default_site = False
                    other.save()
            site.save()
        self.tally["sites"][state] += 1
        return site

    def ensure_site_settings(self, slug, site):
        site_settings = SiteSettings.for_site(site)
        links = self.social_links()
        configured = site_settings.footer_text_id is not None or bool(site_settings.social_links)
        if not configured:
            state = CREATED
        elif self.reset:
            footer = self.ensure_footer(slug)
            same = site_settings.footer_text_id == footer.pk and _without_block_ids(
                site_settings.social_links.get_prep_value()
            ) == _without_block_ids(links)
            state = KEPT if same else RESTORED
        else:
            state = KEPT
        if state != KEPT:
            site_settings.footer_text = self.ensure_footer(slug)
            site_settings.social_links = links
            site_settings.save()
        self.tally["site settings"][state] += 1

    def ensure_footer(self, slug):
        name = f"Footer: {SPECS[slug].name}"
        body = content.FOOTERS[slug]
        footer = FooterText.objects.filter(name=name, locale=self.locale).first()
        if footer is None:
            footer = FooterText.objects.create(name=name, body=body, locale=self.locale)
            self.tally["footer texts"][CREATED] += 1
        elif footer.body != body and self.reset:
            footer.body = body
            footer.save()
            self.tally["footer texts"][RESTORED] += 1
        return footer

    def ensure_topic(self, topic):
        existing = Topic.objects.filter(slug=topic.slug, locale=self.locale).first()
        if existing is None:
            existing = Topic.objects.create(
                slug=topic.slug,
                name=topic.name,
                description=topic.description,
                locale=self.locale,
            )
            state = CREATED
        elif self.reset and (existing.name, existing.description) != (
            topic.name,
            topic.description,
        ):
            existing.name, existing.description = topic.name, topic.description
            existing.save()
            state = RESTORED
        else:
            state = KEPT
        self.tally["topics"][state] += 1
        return existing

    @staticmethod
    def image_metadata(illustration):
        """Credit and rights of a demo illustration: generated, said so; the
        two pictures of people in Issue 1 are marked as showing identifiable
        people, with a demo consent reference, as a real photo would be."""
        metadata = {
            "credit": DEMO_IMAGE_CREDIT,
            "rights": DEMO_IMAGE_RIGHTS,
        }
        if illustration.key in DEMO_IDENTIFIABLE:
            metadata["identifiable_people"] = True
            metadata["consent_reference"] = DEMO_IDENTIFIABLE[illustration.key]
        return metadata

    def note_image_metadata(self, image, illustration):
        """Fill in the demo metadata an image made by an earlier run lacks;
        what an editor filled in is kept."""
        changed = []
        for field, value in self.image_metadata(illustration).items():
            if not getattr(image, field):
                setattr(image, field, value)
                changed.append(field)
        if changed:
            image.save(update_fields=changed)

    def ensure_image(self, illustration):
        """An illustration as a Wagtail image in its site's collection. Images
        are kept once made: they are not editors' words, and an editor may
        have cropped or retitled one on purpose."""
        Image = get_image_model()
        collection = get_or_create_collection(SPECS[illustration.site].collection)
        image = (
            Image.objects.filter(title=illustration.title, collection=collection)
            .order_by("pk")
            .first()
        )
        if image is not None:
            self.note_image_metadata(image, illustration)
            self.tally["images"][KEPT] += 1
            return image
        data = render_illustration(
            illustration.motif, illustration.label, illustration.colours, illustration.key
        )
        image = Image(
            title=illustration.title,
            description=illustration.alt,
            collection=collection,
            file=ImageFile(io.BytesIO(data), name=f"demo-{illustration.key}.jpg"),
            **self.image_metadata(illustration),
        )
        image.save()
        self.tally["images"][CREATED] += 1
        return image
