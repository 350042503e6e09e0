"""Which publications a site lists, and where they are mentioned.

A site's publications are the live, public, unexpired PublicationPages of one
locale under the site's home page in that locale, or shared with the site
(``PublicationPage.shared_with``); the regional site lists every mission's.
Like ``newsroom.listings``, every helper answers in a fixed number of
queries, however many publications there are.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, IntegerField, OuterRef, Q, Value
from django.db.models.functions import Cast, ExtractYear
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from newsroom.cards import fetch_renditions
from newsroom.listings import (
    ListingPaginator,
    _clean_text,
    _clean_year,
    _topic_locales,
    decorate,
    localize_topics,
    page_number_of,
    tagged_with_topic,
)
from newsroom.models import NewsItemPage, PublicationFile, PublicationPage, Topic
from newsroom.models.publications import FILE_LANGUAGE_CODES, KIND_NAMES, KINDS, language_name
from website.sites import active_locale_id, restricted_paths

PUBLICATIONS_PER_PAGE = 12
MENTIONED_IN = 6


@dataclass(frozen=True)
class PublicationFilters:
    """The filters of a publications index, read from its query string. A
    kind, year or language that does not exist is ignored; an unknown topic
    matches nothing (as on the news index)."""

    kind: str = ""
    topic: str = ""
    year: int | None = None
    language: str = ""

    @classmethod
    def from_query(cls, query):
        kind = _clean_text(query.get("kind"))
        language = _clean_text(query.get("language"))
        return cls(
            kind=kind if kind in KIND_NAMES else "",
            topic=_clean_text(query.get("topic")),
            year=_clean_year(query.get("year")),
            language=language if language in FILE_LANGUAGE_CODES else "",
        )

    def as_dict(self):
        return {
            "kind": self.kind,
            "topic": self.topic,
            "year": self.year,
            "language": self.language,
        }

    def __bool__(self):
        return bool(self.kind or self.topic or self.year is not None or self.language)

    def apply(self, publications, locale):
        if self.kind:
            publications = publications.filter(kind=self.kind)
        if self.topic:
            publications = publications.filter(
                pk__in=tagged_with_topic(PublicationPage, self.topic, locale)
            )
        if self.year is not None:
            publications = publications.filter(date__year=self.year)
        if self.language:
            publications = publications.filter(
                pk__in=PublicationFile.objects.filter(language=self.language).values("page_id")
            )
        return publications


@dataclass
class PublicationListing:
    page: object
    kinds: list
    topics: list
    years: list
    languages: list


def listing_facets(publications, counted, locale):
    """(kinds, years, languages, topics, the number of ``counted``) of the
    listed ``publications``, in one query: the kinds, years and languages
    their files have (a listed publication has files), the topics they are
    tagged with (in ``locale`` where translated, by name) and the count,
    united."""
    locale_id = getattr(locale, "pk", locale)
    text, number = CharField(), IntegerField()
    tagged = publications.filter(topics__translation_key=OuterRef("translation_key"))
    topic_rows = (
        Topic.objects.filter(locale__in=_topic_locales(locale))
        .filter(Exists(tagged))
        .order_by()
        .values_list(
            Value(0, output_field=number),
            Cast("translation_key", text),
            "name",
            "slug",
            "pk",
            "locale_id",
        )
    )
    file_rows = (
        PublicationFile.objects.filter(page__in=publications.order_by().values("pk"))
        .order_by()
        .values_list(
            Value(1, output_field=number),
            "page__kind",
            "language",
            Value("", output_field=text),
            ExtractYear("page__date"),
            Value(0, output_field=number),
        )
    )
    count_row = (
        counted.order_by()
        .annotate(row=Value(2, output_field=number))
        .values("row")
        .annotate(
            total=Count("*"),
            a=Value("", output_field=text),
            b=Value("", output_field=text),
            c=Value("", output_field=text),
            d=Value(0, output_field=number),
        )
        .values_list("row", "a", "b", "c", "total", "d")
    )
    kinds, years, languages, chosen, total = set(), set(), set(), {}, 0
    for row, first, second, third, value, topic_locale in topic_rows.union(file_rows, count_row):
        if row == 2:
            total = value
        elif row == 1:
            kinds.add(first)
            languages.add(second)
            years.add(value)
        elif topic_locale == locale_id or first not in chosen:
            chosen[first] = Topic(
                pk=value, translation_key=first, locale_id=topic_locale, name=second, slug=third
            )
    return (
        [(value, name) for value, name in KINDS if value in kinds],
        sorted(years, reverse=True),
        sorted(
            ((code, language_name(code)) for code in languages),
            key=lambda item: item[1].casefold(),
        ),
        sorted(chosen.values(), key=lambda topic: (topic.name.casefold(), topic.pk)),
        total,
    )


def publication_listing(home, locale_id, filters, page_number):
    """Page ``page_number`` of the publications of the site of ``home``
    matching ``filters``, newest first, with their covers and files, and the
    kinds, topics, years and languages to filter by. Four queries (the
    facets and count; the page; its files; the covers' renditions). Raises
    InvalidPage for a page that does not exist."""
    number = page_number_of(page_number)
    listed = PublicationPage.objects.readable().listed_on(home)
    filtered = filters.apply(listed, locale_id) if filters else listed
    kinds, years, languages, topics, total = listing_facets(listed, filtered, locale_id)
    paginator = ListingPaginator(total, PUBLICATIONS_PER_PAGE)
    number = paginator.validate_number(number)
    start = (number - 1) * PUBLICATIONS_PER_PAGE
    shown = list(filtered.newest_first().for_cards()[start : start + PUBLICATIONS_PER_PAGE])
    page = paginator._get_page(decorate(shown), number, paginator)
    fetch_renditions(shown)
    return PublicationListing(
        page=page, kinds=kinds, topics=topics, years=years, languages=languages
    )


def localized_topic_links(topics):
    """[(topic in the reader's language, its slug to filter by)]."""
    shown = localize_topics(topics, active_locale_id())
    return list(zip(shown, [topic.slug for topic in topics], strict=True))


def stories_mentioning(publication, limit=MENTIONED_IN):
    """The stories readers may see, in the publication's language, whose body
    mentions the publication (or one of its translations), newest first, ready
    for cards: one query, through Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    story_type = ContentType.objects.get_for_model(NewsItemPage)
    translations = (
        Page.objects.filter(translation_key=publication.translation_key)
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    referring = (
        ReferenceIndex.objects.filter(
            content_type=story_type,
            to_content_type=page_type,
            to_object_id__in=translations,
        )
        .annotate(story_pk=Cast("object_id", IntegerField()))
        .values("story_pk")
    )
    keys = Page.objects.filter(pk__in=referring).values("translation_key")
    stories = (
        NewsItemPage.objects.readable(publication.locale_id)
        .filter(translation_key__in=keys)
        .for_cards()
        .newest_first()[:limit]
    )
    return decorate(stories)


def publication_cards(chosen, locale_id=None):
    """{chosen publication's pk: publication to show} for publications an
    editor chose (a story's publication blocks, a report section): live,
    public and unexpired, in the active language where translated (else as
    chosen), with their covers and files. Two queries (the publications,
    their files), or none when nothing is chosen."""
    chosen = [page for page in chosen if page is not None and page.pk]
    if not chosen:
        return {}
    if locale_id is None:
        locale_id = active_locale_id()
    # Chosen in the language shown, fetched ready (PublicationBlock): no query.
    if all(page.locale_id == locale_id and "_shown_files" in page.__dict__ for page in chosen):
        return {page.pk: page for page in chosen if readable(page)}
    wanted = Q(pk__in=[page.pk for page in chosen])
    if locale_id is not None:
        wanted |= Q(
            translation_key__in={page.translation_key for page in chosen}, locale_id=locale_id
        )
    found = list(PublicationPage.objects.readable().filter(wanted).for_cards())
    by_pk = {page.pk: page for page in found}
    localized = {page.translation_key: page for page in found if page.locale_id == locale_id}
    shown = {}
    for page in chosen:
        publication = localized.get(page.translation_key) or by_pk.get(page.pk)
        if publication is not None:
            shown[page.pk] = publication
    return shown


def readable(page):
    """Whether readers may see ``page`` (a page already fetched): live, not
    expired, outside private sections (from the request's frame)."""
    if not page.live or page.expired:
        return False
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return False
    return not any(page.path.startswith(path) for path in restricted_paths())


def report_publications(sections):
    """The publications each section of a report issue features, readers'
    ones only, in the active language where translated: a list per section
    block, in order. Two queries for all sections, none when none features
    a publication."""
    from newsroom.blocks import section_publications

    blocks_ = list(sections or [])
    chosen = [
        [page for page in block.value.get("publications") or [] if page is not None]
        for block in blocks_
    ]
    shown = publication_cards([page for pages in chosen for page in pages])
    return [section_publications(pages, shown) for pages in chosen]


def file_links(publication):
    """[(file, its absolute address)] of a publication's files, for the PDF
    and e-mail editions (addresses on the publication's own site)."""
    from urllib.parse import urljoin

    page_url = publication.get_full_url() or ""
    return [(file, urljoin(page_url, file.url)) for file in publication.shown_files()]
