"""The e-mail edition of a report issue: HTML for mail programs (tables, inline
styles, absolute addresses, alt text on every image) and a plain-text
alternative, in the issue's language.

``EmailEdition(issue)`` reads the issue, its sections' stories and images once;
``render()`` and ``message()`` are then cheap, so one edition serves every
subscriber of a send, each with their own unsubscribe link.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import expand_db_html

from newsroom import library
from newsroom.cards import report_sections
from subscriptions import links

COVER_RENDITION = "width-1200"  # shown 600 pixels wide: sharp on high-density screens
STORY_RENDITION = "fill-240x180-c100"  # shown 120 × 90
# Inline styles for the tags rich text may contain (mail programs drop <style>).
RICH_TEXT_STYLES = {
    "p": "margin:0 0 12px;font-size:16px;line-height:24px;color:#1d2733;",
    "a": "color:#0b4f9c;text-decoration:underline;",
    "ul": "margin:0 0 12px;padding-left:24px;",
    "ol": "margin:0 0 12px;padding-left:24px;",
    "li": "margin:0 0 4px;font-size:16px;line-height:24px;color:#1d2733;",
    "b": "font-weight:bold;",
    "strong": "font-weight:bold;",
}
NON_HTTP_SCHEMES = ("mailto:", "tel:")


def absolute_url(base_url, url):
    """``url`` made absolute against the site's root (kept when it already is)."""
    if not url or url.startswith(NON_HTTP_SCHEMES):
        return url
    return urljoin(base_url.rstrip("/") + "/", url)


def email_html(html, base_url):
    """Rich text made fit for e-mail: every link and image address absolute,
    inline styles on the tags mail programs would otherwise show unstyled."""
    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in (("a", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            if element.get(attribute):
                element[attribute] = absolute_url(base_url, element[attribute])
    for name, style in RICH_TEXT_STYLES.items():
        for element in soup.find_all(name):
            element["style"] = style + element.get("style", "")
    return str(soup)


def html_to_text(html):
    """Rich text as plain text: paragraphs apart, list items with a dash,
    links followed by their address in brackets."""
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a"):
        label, href = link.get_text(), link.get("href", "")
        if href and href != label:
            link.replace_with(f"{label} ({href})" if label.strip() else href)
    for line_break in soup.find_all("br"):
        line_break.replace_with("\n")
    for item in soup.find_all("li"):
        item.insert(0, "- ")
        item.append("\n")
    for block in soup.find_all(["p", "ul", "ol", "h2", "h3", "h4", "blockquote"]):
        block.append("\n\n")
    text = soup.get_text()
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@dataclass
class Story:
    title: str
    url: str
    date: object
    mission: str
    summary: str
    image_url: str = ""
    image_alt: str = ""
    image_credit: str = ""


@dataclass
class PublicationFile:
    language: str  # its name, in the issue's language
    url: str
    pages: int | None = None


@dataclass
class Publication:
    title: str
    url: str
    kind: str
    summary: str
    files: list = field(default_factory=list)  # PublicationFile


@dataclass
class Section:
    heading: str
    intro_html: str = ""
    intro_text: str = ""
    text_html: str = ""
    text_text: str = ""
    stories: list = field(default_factory=list)
    publications: list = field(default_factory=list)


def reports_site(site):
    """The site whose report issues a visitor of ``site`` signs up for: the
    reports are the regional office's (they cover every mission), so a sign-up
    on a mission site subscribes to the site that publishes them; ``site``
    itself when no site has a report index."""
    from newsroom.models import ReportIndexPage

    index = ReportIndexPage.objects.live().order_by("path").first()
    reports = index.get_site() if index is not None else None
    return reports or site


def site_name(site, language):
    """The site's name in ``language``: its home page's title there."""
    root = site.root_page
    with translation.override(language):
        localized = root.localized
    return localized.title if localized.live else root.title


class EmailEdition:
    """The e-mail edition of ``issue`` (a ReportIssuePage, live or a revision)."""

    def __init__(self, issue):
        self.issue = issue
        self.site = issue.get_site()
        self.root_url = self.site.root_url
        self.language = issue.locale.language_code
        with translation.override(self.language):
            self.context = self._read()

    def _image_url(self, image, spec):
        return absolute_url(self.root_url, image.get_rendition(spec).url)

    def _rich_text(self, value):
        if not value:
            return "", ""
        html = email_html(expand_db_html(value.source), self.root_url)
        return html, html_to_text(html)

    def _read(self):
        # report_sections skips deleted, unpublished and private stories and
        # shows each in the active language, as the web page does.
        issue = self.issue
        series = issue.get_parent().specific
        sections = []
        featured = library.report_publications(issue.sections)
        for number, (block, cards) in enumerate(report_sections(issue.sections)):
            intro_html, intro_text = self._rich_text(block.value.get("intro"))
            text_html, text_text = self._rich_text(block.value.get("text"))
            stories = []
            for story, home in cards:
                image_url = image_alt = image_credit = ""
                if (
                    story.lead_image_id
                    and story.lead_image_alt.strip()
                    and story.lead_image.is_public_usable()
                ):
                    image_url = self._image_url(story.lead_image, STORY_RENDITION)
                    image_alt = story.lead_image_alt
                    image_credit = story.lead_image_credit or story.lead_image.credit
                stories.append(
                    Story(
                        title=story.title,
                        url=story.get_full_url(),
                        date=story.date,
                        mission=home.title if home else "",
                        summary=story.summary,
                        image_url=image_url,
                        image_alt=image_alt,
                        image_credit=image_credit,
                    )
                )
            sections.append(
                Section(
                    heading=block.value["heading"],
                    intro_html=intro_html,
                    intro_text=intro_text,
                    text_html=text_html,
                    text_text=text_text,
                    stories=stories,
                    publications=[
                        Publication(
                            title=publication.title,
                            url=publication.get_full_url() or "",
                            kind=str(publication.kind_name),
                            summary=publication.summary,
                            files=[
                                PublicationFile(file.language_name, url, file.page_count)
                                for file, url in library.file_links(publication)
                            ],
                        )
                        for publication in featured[number]
                    ],
                )
            )
        cover_url = cover_credit = ""
        if (
            issue.cover_image_id
            and issue.cover_image_alt.strip()
            and issue.cover_image.is_public_usable()
        ):
            cover_url = self._image_url(issue.cover_image, COVER_RENDITION)
            cover_credit = issue.cover_image.credit
        pdf_url = absolute_url(self.root_url, issue.pdf.url) if issue.pdf_id else ""
        home = self.site.root_page.localized
        return {
            "language": self.language,
            "site_name": site_name(self.site, self.language),
            "home_url": home.get_full_url() if home.live else self.root_url + "/",
            "series_title": series.title,
            "issue": issue,
            "issue_url": issue.get_full_url() or "",
            "cover_url": cover_url,
            "cover_alt": issue.cover_image_alt,
            "cover_credit": cover_credit,
            "pdf_url": pdf_url,
            "sections": sections,
        }

    @property
    def subject(self):
        """The issue's title, after its series' unless the title names it."""
        series, title = self.context["series_title"], self.issue.title
        return title if series.casefold() in title.casefold() else f"{series}: {title}"

    def preview_unsubscribe_url(self):
        """Where the unsubscribe link of a preview leads: the sign-up page."""
        with translation.override(self.language):
            return absolute_url(self.root_url, reverse("subscriptions:subscribe"))

    def render(self, unsubscribe_url):
        """(HTML, plain text) of the e-mail."""
        context = {**self.context, "unsubscribe_url": unsubscribe_url}
        with translation.override(self.language):
            html = render_to_string("subscriptions/email/issue.html", context)
            text = render_to_string("subscriptions/email/issue.txt", context)
        return html, re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"

    def message(self, subscriber, connection=None):
        """The e-mail to ``subscriber``, with their own unsubscribe link (also in
        the List-Unsubscribe header, with one-click unsubscribing, RFC 8058)."""
        unsubscribe_url = links.unsubscribe_url(subscriber)
        html, text = self.render(unsubscribe_url)
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=text,
            from_email=from_email(),
            to=[subscriber.email],
            connection=connection,
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(html, "text/html")
        return message


def from_email():
    return getattr(settings, "SUBSCRIPTIONS_FROM_EMAIL", settings.DEFAULT_FROM_EMAIL)
