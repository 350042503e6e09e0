"""Story cards from pages an editor chose: the stories of a report issue's
sections, a home page's featured stories, any list of story pages.

Chosen pages are checked (deleted, unpublished, expired and private ones are
left out), shown in the active language where translated, and fetched with
their lead images for all of them at once, in one query; their home pages
come from the request's frame (website/sites.py), and the renditions of every
picture of a page in one more query (``fetch_renditions``). The report issue's
page, its PDF and e-mail editions and the public site's templates use these.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from website.prepared import Fixed, Prepared
from website.sites import (
    active_locale_id,
    language_codes,
    language_of,
    public_q,
    reading_locale_ids,
    restricted_paths,
    with_homes,
)

# Foreign keys to images that cards and covers show.
PICTURE_FIELDS = ("lead_image", "cover_image")


def unwrap(items):
    """Pages from a list, a paginator page, or StreamField/ListBlock values."""
    if items is None:
        return []
    if hasattr(items, "object_list"):
        items = items.object_list
    pages = []
    for item in items:
        value = getattr(item, "value", item)  # a StreamField child holds its page in .value
        if isinstance(value, Page):
            pages.append(value)
    return pages


def fetch_renditions(*groups):
    """The renditions of the pictures (lead images, covers) of every page in
    ``groups`` (lists of pages whose images were fetched with them), in one
    query for all, made when the first of those pictures is rendered: none
    when every card showing them came from the fragments kept for the
    generation (``{% story_card %}``)."""
    images = {}
    for group in groups:
        for page in group or ():
            for name in PICTURE_FIELDS:
                image = page._state.fields_cache.get(name)
                if image is not None:
                    images.setdefault(image.pk, []).append(image)
    if not images:
        return
    batch = _RenditionBatch(images)
    for pk, same in images.items():
        for image in same:
            # Wagtail's images look for their renditions here first
            # (AbstractImage._get_prefetched_renditions).
            image.prefetched_renditions = _Renditions(batch, pk)


class _RenditionBatch:
    """The renditions of a page's images, read in one query on first use."""

    def __init__(self, images):
        self.images = images
        self.by_image = None

    def of(self, pk):
        if self.by_image is None:
            first = {key: same[0] for key, same in self.images.items()}
            self.by_image = {key: [] for key in first}
            for rendition in _RENDITIONS.run(sorted(first)):
                rendition.image = first[rendition.image_id]
                self.by_image[rendition.image_id].append(rendition)
        return self.by_image.setdefault(pk, [])


def _renditions(image_ids):
    return get_image_model().get_rendition_model().objects.filter(image_id__in=image_ids)


_RENDITIONS = Prepared(_renditions)


class _Renditions:
    """One image's renditions from its batch: what Wagtail iterates, and
    appends a new rendition to."""

    def __init__(self, batch, pk):
        self.batch, self.pk = batch, pk

    def __iter__(self):
        return iter(self.batch.of(self.pk))

    def append(self, rendition):
        self.batch.of(self.pk).append(rendition)


def story_cards(stories, localize=True):
    """Stories ready for cards: [(story, home page or None)].

    Lists prepared by newsroom.listings (each story has ``mission_name``) are
    used as they are. Anything else - StreamField and ListBlock values of page
    choosers, querysets - is checked: deleted, unpublished and private stories
    are skipped, each story is shown in the active language when translated,
    and the lead images are fetched for all of them at once.
    """
    pages = unwrap(stories)
    if not pages:
        return []
    if all(hasattr(page, "mission_name") for page in pages):
        return [(page, None) for page in pages]
    cards = _prepare_cards(pages, localize)
    found = _dedupe(cards.get(page.pk) for page in pages)
    fetch_renditions([story for story, _home in found])
    return found


def report_sections(sections, with_images=()):
    """The sections of a report issue with their story cards, [(block, cards)],
    checked and fetched for all sections at once (see story_cards); the
    renditions of their pictures come with those of ``with_images`` (pages
    whose pictures the same page shows, e.g. ``[[issue]]`` for its cover):
    one query, so that an issue rendered from scratch stays within its
    budget of queries."""
    blocks_ = list(sections or [])
    chosen = [unwrap(block.value.get("stories")) for block in blocks_]
    cards = _prepare_cards([page for pages in chosen for page in pages], localize=True)
    fetch_renditions([story for story, _home in cards.values()], *with_images)
    return [
        (block, _dedupe(cards.get(page.pk) for page in pages))
        for block, pages in zip(blocks_, chosen, strict=True)
    ]


def _dedupe(cards):
    seen = set()
    result = []
    for card in cards:
        if card is not None and card[0].pk not in seen:
            seen.add(card[0].pk)
            result.append(card)
    return result


def _prepare_cards(pages, localize):
    """{chosen page's pk: (page to show, its home page)} for the visible ones:
    each chosen page's live translation in the active language where there is
    one, else itself; one query."""
    if not pages:
        return {}
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        model = Page
    locale_id = active_locale_id() if localize else None
    # The reader's languages in order (the site's fallback), the active first.
    order = [locale_id, *(pk for pk in reading_locale_ids() if pk != locale_id)] if localize else []
    found = _CARD_PAGES.run(
        Fixed(model),
        [page.pk for page in pages],
        sorted({page.translation_key for page in pages}) if locale_id is not None else [],
        order if locale_id is not None else [],
        timezone.now(),
        restricted_paths(),
    )
    by_pk = {page.pk: page for page in found}
    rank = {pk: index for index, pk in enumerate(order)}
    localized = {}
    for page in sorted(
        (page for page in found if page.locale_id in rank), key=lambda page: rank[page.locale_id]
    ):
        localized.setdefault(page.translation_key, page)
    homes = dict((page.pk, home) for page, home in with_homes(found))
    cards = {}
    codes = language_codes()
    for chosen in pages:
        page = localized.get(chosen.translation_key) or by_pk.get(chosen.pk)
        if page is not None:
            page.language_code = language_of(page.locale_id, codes)
            cards[chosen.pk] = (page, homes.get(page.pk))
    return cards


def _card_pages(model, pks, keys, order, now, private):
    # Two lookups united, each by an index: joined by OR in one condition,
    # PostgreSQL reads every story.
    wanted = Page.objects.filter(pk__in=pks).order_by().values("pk")
    if order:
        wanted = wanted.union(
            Page.objects.filter(translation_key__in=keys, locale_id__in=order)
            .order_by()
            .values("pk")
        )
    shown = (
        model.objects.filter(pk__in=wanted)
        .live()
        .filter(public_q(private))
        .exclude(expire_at__lte=now)
    )
    if model is not Page:
        shown = shown.defer_streamfields().select_related(*_picture_fields(model))
    return shown


_CARD_PAGES = Prepared(_card_pages)


def _picture_fields(model):
    names = []
    for name in PICTURE_FIELDS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, ForeignKey):
            names.append(name)
    return names
