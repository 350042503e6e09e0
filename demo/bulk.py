"""Scale data: thousands of realistic stories across the sites, made fast.

``manage.py generate_bulk_content --stories N`` calls :func:`generate`. Story
number ``i`` (1 … N) is drawn from a random source seeded with ``i`` alone, so
the same ``i`` always gives the same story, whatever N is and however many runs
it took to get there. Every generated story's slug starts with ``bulk-`` and
carries its number; a run creates only the numbers that are missing, and
:func:`clear` removes them all (and nothing else).

What a story gets, as editors would give it:

- an owning newsroom (the regional one or a mission's), a date within five years
  before ``END_DATE``, a title, summary and a StreamField body of a few blocks;
- one to three topics of the source language;
- usually a lead image from a pool of ``IMAGE_POOL_SIZE`` small pictures, with
  alt text, caption and credit (the pool is shared, not one image per story);
- about ``SHARE_RATE`` of them are shared with one to three other sites;
- about ``TRANSLATION_RATE`` of them have a Russian translation (under the
  Russian translation of their newsroom, created with ``copy_for_translation``
  when missing), with the same translation key, topics, picture and sharing.

Speed: pages are not added one by one through treebeard and ``save_revision``
(tens of queries and a search-index and reference-index task each). Instead,
per batch: tree paths are computed for the batch, the ``wagtailcore_page`` rows
and the ``newsroom_newsitempage`` rows are inserted with multi-row INSERTs, each
page gets one published revision (bulk-inserted too) that ``latest_revision`` and
``live_revision`` point to, the topic and sharing rows are bulk-inserted, the
parents' ``numchild`` is raised, and the reference index and the search index
entries are written in bulk from the objects in memory. The result is what
publishing each page through Wagtail would have left in the database, minus the
audit log entries.
"""

import datetime
import io
import random
import time
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, router, transaction
from django.db.models import CharField, Count, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Revision, Site
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from demo.images import MOTIFS, render_illustration
from newsroom.models import NewsIndexPage, NewsItemPage, Topic
from website.cache import bump_generation
from website.structure import MISSIONS, REGIONAL, get_or_create_collection

SLUG_PREFIX = "bulk-"
SEED = "centralasia-bulk-content"
END_DATE = datetime.date(2025, 12, 31)
YEARS = 5
SHARE_RATE = 0.2
TRANSLATION_RATE = 0.1
LEAD_IMAGE_RATE = 0.9
IMAGE_POOL_SIZE = 36
IMAGE_SIZE = (800, 500)
IMAGE_COLLECTION = "Bulk content"
IMAGE_TITLE = "Bulk photo {number:02d}"
TRANSLATION_LANGUAGE = "ru"
BATCH_SIZE = 1000
INSERT_BATCH_SIZE = 250

# Where a story is owned: the regional newsroom a little more often.
OWNER_WEIGHTS = {REGIONAL.slug: 0.2, **{spec.slug: 0.16 for spec in MISSIONS}}

PLACES = {
    REGIONAL.slug: ["Almaty", "Central Asia", "the region", "Astana", "Bishkek", "Tashkent"],
    "kazakhstan": ["Almaty", "Astana", "Shymkent", "Kostanay", "Aktobe", "Turkestan"],
    "kyrgyzstan": ["Bishkek", "Osh", "Jalal-Abad", "Batken", "Naryn", "Karakol"],
    "tajikistan": ["Dushanbe", "Khujand", "Bokhtar", "Kulob", "Khorog", "Istaravshan"],
    "turkmenistan": ["Ashgabat", "Mary", "Turkmenabat", "Dashoguz", "Balkanabat"],
    "uzbekistan": ["Tashkent", "Samarkand", "Andijan", "Fergana", "Namangan", "Bukhara"],
}
PLACES_RU = {
    "Almaty": "Алматы",
    "Central Asia": "Центральной Азии",
    "the region": "регионе",
    "Astana": "Астане",
    "Bishkek": "Бишкеке",
    "Tashkent": "Ташкенте",
    "Shymkent": "Шымкенте",
    "Kostanay": "Костанае",
    "Aktobe": "Актобе",
    "Turkestan": "Туркестане",
    "Osh": "Оше",
    "Jalal-Abad": "Джалал-Абаде",
    "Batken": "Баткене",
    "Naryn": "Нарыне",
    "Karakol": "Караколе",
    "Dushanbe": "Душанбе",
    "Khujand": "Худжанде",
    "Bokhtar": "Бохтаре",
    "Kulob": "Кулобе",
    "Khorog": "Хороге",
    "Istaravshan": "Истаравшане",
    "Ashgabat": "Ашхабаде",
    "Mary": "Мары",
    "Turkmenabat": "Туркменабаде",
    "Dashoguz": "Дашогузе",
    "Balkanabat": "Балканабаде",
    "Samarkand": "Самарканде",
    "Andijan": "Андижане",
    "Fergana": "Фергане",
    "Namangan": "Намангане",
    "Bukhara": "Бухаре",
}
# Titles of the Russian translations of the newsrooms' home and news pages.
HOME_TITLES_RU = {
    REGIONAL.slug: "Центральная Азия",
    "kazakhstan": "Казахстан",
    "kyrgyzstan": "Кыргызстан",
    "tajikistan": "Таджикистан",
    "turkmenistan": "Туркменистан",
    "uzbekistan": "Узбекистан",
}
NEWS_TITLE_RU = "Новости"

# (English, Russian) pairs: who is helped, what is done, and how it went.
GROUPS = [
    ("returning migrants", "вернувшихся мигрантов"),
    ("young people", "молодых людей"),
    ("women migrant workers", "женщин-трудовых мигрантов"),
    ("families of migrants", "семей мигрантов"),
    ("victims of trafficking", "пострадавших от торговли людьми"),
    ("stranded migrants", "застрявших мигрантов"),
    ("border officials", "пограничников"),
    ("social workers", "социальных работников"),
    ("health workers", "медицинских работников"),
    ("students", "студентов"),
]
ACTIONS = [
    ("trained", "прошли обучение"),
    ("receive grants to start a business", "получили гранты на открытие дела"),
    ("get legal advice", "получили юридическую консультацию"),
    ("find new jobs", "нашли новую работу"),
    ("learn a trade", "освоили новую профессию"),
    ("receive food parcels", "получили продуктовые наборы"),
    ("are vaccinated", "прошли вакцинацию"),
    ("join a hotline campaign", "присоединились к кампании горячей линии"),
    ("meet to plan safe migration", "обсудили безопасную миграцию"),
]
SENTENCES = [
    "The project is funded by the mission's partners and runs until the end of the year.",
    "Participants said the support helped them plan their next steps with confidence.",
    "Local authorities took part in every session and will continue the work.",
    "The hotline answers questions about safe migration, free of charge, day and night.",
    "Many of those helped had lost their jobs abroad and came home with nothing.",
    "Small grants let families start a business: a bakery, a sewing workshop, a farm.",
    "Trainers from the mission visited villages far from the regional centre.",
    "The next round of the programme opens in spring; applications are free.",
    "Health checks and counselling were offered to everyone who came.",
    "Partners from civil society helped reach people in remote districts.",
    "Employers joined the fair and offered jobs on the spot.",
    "The meeting agreed on shared rules for referring victims to help.",
]
SENTENCES_RU = [
    "Проект финансируется партнёрами миссии и продлится до конца года.",
    "Участники рассказали, что поддержка помогла им уверенно планировать будущее.",
    "Местные власти участвовали во всех занятиях и продолжат работу.",
    "Горячая линия бесплатно и круглосуточно отвечает на вопросы о безопасной миграции.",
    "Многие из получивших помощь потеряли работу за рубежом и вернулись ни с чем.",
    "Небольшие гранты позволили семьям открыть своё дело: пекарню, швейный цех, ферму.",
    "Тренеры миссии побывали в сёлах, далёких от областного центра.",
    "Следующий этап программы начнётся весной; подать заявку можно бесплатно.",
]
HEADINGS = [
    ("What comes next", "Что дальше"),
    ("In numbers", "В цифрах"),
    ("Voices from the field", "Голоса участников"),
    ("How to get help", "Как получить помощь"),
]
CAPTIONS = [
    "Participants at the opening session.",
    "A training in progress.",
    "Partners and volunteers at the event.",
    "Counsellors meet families in the village.",
]
ALT_TEXTS = [
    "People sitting around a table at a meeting.",
    "A trainer speaks to a group of participants.",
    "Boxes of supplies stacked for distribution.",
    "A craftsman at his workbench.",
]


@dataclass
class Newsroom:
    """A site's newsroom: its Site, home page and news index (source language)."""

    slug: str
    site: Site
    home: Page
    news: NewsIndexPage


@dataclass
class Result:
    created: int = 0
    translated: int = 0
    existing: int = 0
    images_created: int = 0
    seconds: dict = field(default_factory=dict)


# --- The sites ------------------------------------------------------------------


def site_slug(site):
    """The SiteSpec slug of a site ("kyrgyzstan"), from its hostname."""
    return site.hostname.split(".", 1)[0]


def newsrooms():
    """Every site whose home page has a news index, in tree order."""
    rooms = []
    for site in Site.objects.select_related("root_page").order_by("root_page__path"):
        news = NewsIndexPage.objects.child_of(site.root_page).order_by("path").first()
        if news is not None:
            rooms.append(Newsroom(site_slug(site), site, site.root_page, news))
    return rooms


def missing_demo_sites():
    """Hostnames of the demo's six sites that are missing (or have no news index)."""
    present = {room.site.hostname for room in newsrooms()}
    return [spec.hostname for spec in [REGIONAL, *MISSIONS] if spec.hostname not in present]


# --- The picture pool -------------------------------------------------------------


def image_pool(size):
    """``size`` small pictures, made once and reused by every run: (images, created)."""
    Image = get_image_model()
    collection = get_or_create_collection(IMAGE_COLLECTION)
    titles = [IMAGE_TITLE.format(number=number) for number in range(1, size + 1)]
    existing = {
        image.title: image
        for image in Image.objects.filter(collection=collection, title__in=titles).order_by("pk")
    }
    motifs = sorted(MOTIFS)
    created = 0
    images = []
    for number, title in enumerate(titles, start=1):
        image = existing.get(title)
        if image is None:
            rng = random.Random(f"{SEED}-image-{number}")
            colours = tuple(f"#{rng.randrange(0x202020, 0xB0B0B0):06x}" for _ in range(2))
            data = render_illustration(
                motifs[number % len(motifs)], f"Photo {number}", colours, f"bulk-{number}"
            )
            picture = PILImage.open(io.BytesIO(data))
            picture.thumbnail(IMAGE_SIZE)
            buffer = io.BytesIO()
            picture.save(buffer, format="JPEG", quality=80)
            image = Image(
                title=title,
                description=ALT_TEXTS[number % len(ALT_TEXTS)],
                collection=collection,
                file=ImageFile(buffer, name=f"bulk-{number:02d}.jpg"),
            )
            image.save()
            created += 1
        images.append(image)
    return images, created


# --- One story, drawn from its number ------------------------------------------------


def story_slug(number):
    return f"{SLUG_PREFIX}{number:05d}"


def story_number(slug):
    """The number in a generated story's slug, or None."""
    if not slug.startswith(SLUG_PREFIX):
        return None
    digits = slug[len(SLUG_PREFIX) :].split("-", 1)[0]
    return int(digits) if digits.isdigit() else None


def _block_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _paragraphs(rng, sentences, count):
    return [
        {
            "type": "paragraph",
            "value": "<p>" + " ".join(rng.sample(sentences, 3)) + "</p>",
            "id": _block_id(rng),
        }
        for _ in range(count)
    ]


@dataclass
class StoryPlan:
    number: int
    owner: str
    date: datetime.date
    published_at: datetime.datetime
    title: str
    summary: str
    body: list
    topic_keys: list  # indexes into the topic list
    image_index: int | None
    caption: str
    alt: str
    shared_with: list  # site slugs
    translation: dict | None  # title, summary, body in Russian
    translation_key: uuid.UUID


def plan_story(number, owners, topic_count):
    """Everything about story ``number``, from a random source seeded with it."""
    rng = random.Random(f"{SEED}-{number}")
    owner = rng.choices(owners, weights=[OWNER_WEIGHTS.get(slug, 0.16) for slug in owners])[0]
    day = END_DATE - datetime.timedelta(days=rng.randrange(YEARS * 365))
    published_at = datetime.datetime.combine(
        day, datetime.time(rng.randrange(6, 18), rng.randrange(60)), tzinfo=datetime.UTC
    )
    place = rng.choice(PLACES.get(owner, PLACES[REGIONAL.slug]))
    (group, group_ru), (action, action_ru) = rng.choice(GROUPS), rng.choice(ACTIONS)
    people = rng.choice([12, 20, 25, 30, 40, 50, 70, 85, 120, 150, 200, 300, 450, 1200])
    title = f"{people} {group} {action} in {place}"
    summary = f"In {place}, {people} {group} {action} with the support of IOM. " + rng.choice(
        SENTENCES
    )
    body = _paragraphs(rng, SENTENCES, rng.randint(2, 4))
    heading, heading_ru = rng.choice(HEADINGS)
    figures = rng.random() < 0.5
    if figures:
        body.append(
            {
                "type": "key_figures",
                "value": {
                    "figures": [
                        {
                            "type": "item",
                            "value": {"figure": str(people), "label": f"{group} {action}"},
                            "id": _block_id(rng),
                        }
                    ]
                },
                "id": _block_id(rng),
            }
        )
    body.append(
        {"type": "heading", "value": {"text": heading, "level": "h2"}, "id": _block_id(rng)}
    )
    body += _paragraphs(rng, SENTENCES, 1)

    topics = rng.sample(range(topic_count), min(topic_count, rng.randint(1, 3)))
    image_index = rng.randrange(IMAGE_POOL_SIZE) if rng.random() < LEAD_IMAGE_RATE else None
    others = [slug for slug in owners if slug != owner]
    shared = (
        rng.sample(others, min(len(others), rng.randint(1, 3))) if rng.random() < SHARE_RATE else []
    )
    translation = None
    if rng.random() < TRANSLATION_RATE:
        place_ru = PLACES_RU.get(place, place)
        title_ru = f"В {place_ru} {people} {group_ru} {action_ru}"
        body_ru = _paragraphs(rng, SENTENCES_RU, rng.randint(2, 3))
        body_ru.append(
            {"type": "heading", "value": {"text": heading_ru, "level": "h2"}, "id": _block_id(rng)}
        )
        body_ru += _paragraphs(rng, SENTENCES_RU, 1)
        translation = {
            "title": title_ru,
            "summary": f"{title_ru} при поддержке МОМ. " + rng.choice(SENTENCES_RU),
            "body": body_ru,
        }
    return StoryPlan(
        number=number,
        owner=owner,
        date=day,
        published_at=published_at,
        title=title,
        summary=summary,
        body=body,
        topic_keys=topics,
        image_index=image_index,
        caption=rng.choice(CAPTIONS),
        alt=ALT_TEXTS[image_index % len(ALT_TEXTS)] if image_index is not None else "",
        shared_with=shared,
        translation=translation,
        translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
    )


# --- Russian newsrooms ---------------------------------------------------------------


def _publish(page):
    page.save_revision().publish()
    return page


def translated_newsroom(room, locale):
    """The news index of ``room`` in ``locale``, translated (and published) when
    missing, with its home page: copies made with ``copy_for_translation``."""
    home = room.home.get_translation_or_none(locale)
    if home is None:
        home = room.home.specific.copy_for_translation(locale)
        home.title = home.draft_title = HOME_TITLES_RU.get(room.slug, home.title)
        _publish(home)
    elif not home.live:
        _publish(home.specific)
    news = room.news.get_translation_or_none(locale)
    if news is None:
        news = room.news.copy_for_translation(locale)
        news.title = news.draft_title = NEWS_TITLE_RU
        _publish(news)
    elif not news.live:
        _publish(news.specific)
    return NewsIndexPage.objects.get(pk=news.pk)


# --- Bulk insertion --------------------------------------------------------------------


class PathAllocator:
    """Hands out treebeard paths for new children of each parent."""

    def __init__(self):
        self.next_step = {}

    def next_path(self, parent):
        if parent.pk not in self.next_step:
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            self.next_step[parent.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        step = self.next_step[parent.pk]
        self.next_step[parent.pk] = step + 1
        return Page._get_path(parent.path, parent.depth + 1, step)


def _insert_child_rows(model, objects, using):
    """INSERT the rows of ``model``'s own table (not its parents') for objects
    whose parent rows exist already: what Django's bulk_create refuses to do for
    multi-table inheritance. Same query as bulk_create's, in batches."""
    fields = model._meta.local_concrete_fields
    batch = max(1, min(INSERT_BATCH_SIZE, connection.ops.bulk_batch_size(fields, objects)))
    for start in range(0, len(objects), batch):
        model._base_manager.using(using)._insert(objects[start : start + batch], fields=fields)


class Builder:
    """Builds the stories of one batch in memory, then writes them in bulk."""

    def __init__(self, rooms, topics, images, locale, translated_rooms):
        self.rooms = {room.slug: room for room in rooms}
        self.topics = topics
        self.images = images
        self.locale = locale
        self.translated_rooms = translated_rooms
        self.paths = PathAllocator()
        self.using = router.db_for_write(Page)
        self.content_type = ContentType.objects.get_for_model(NewsItemPage)
        self.page_content_type = ContentType.objects.get_for_model(Page)

    def story(self, plan, *, parent, locale, translation=None):
        words = translation or {"title": plan.title, "summary": plan.summary, "body": plan.body}
        slug = story_slug(plan.number)
        image = (
            self.images[plan.image_index % len(self.images)]
            if plan.image_index is not None and self.images
            else None
        )
        page = NewsItemPage(
            title=words["title"],
            draft_title=words["title"],
            slug=slug,
            path=self.paths.next_path(parent),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            content_type=self.content_type,
            locale=locale,
            translation_key=plan.translation_key,
            live=True,
            has_unpublished_changes=False,
            first_published_at=plan.published_at,
            last_published_at=plan.published_at,
            latest_revision_created_at=plan.published_at,
            date=plan.date,
            summary=words["summary"],
            lead_image=image,
            lead_image_alt=plan.alt if image else "",
            lead_image_caption=plan.caption if image else "",
            lead_image_credit="© IOM" if image else "",
            body=words["body"],
        )
        # Relations held in memory (modelcluster): the revision's content, the
        # reference index and the search index read them without queries.
        page.topics = [self.topics[index] for index in plan.topic_keys]
        page.shared_with = [
            self.rooms[slug].site for slug in plan.shared_with if slug in self.rooms
        ]
        page.wagtail_admin_comments = []
        return page

    def build(self, plans):
        pages = []
        for plan in plans:
            room = self.rooms[plan.owner]
            pages.append(self.story(plan, parent=room.news, locale=room.news.locale))
            if plan.translation and plan.owner in self.translated_rooms:
                pages.append(
                    self.story(
                        plan,
                        parent=self.translated_rooms[plan.owner],
                        locale=self.locale,
                        translation=plan.translation,
                    )
                )
        return pages

    def write(self, pages):
        """Insert the pages with one published revision each, their topics and
        sharing, and their reference-index and search-index entries."""
        page_fields = [
            field.attname for field in Page._meta.concrete_fields if not field.primary_key
        ]
        rows = Page.objects.using(self.using).bulk_create(
            [Page(**{name: getattr(page, name) for name in page_fields}) for page in pages],
            batch_size=INSERT_BATCH_SIZE,
        )
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
            page._state.adding = False
            page._state.db = self.using
        _insert_child_rows(NewsItemPage, pages, self.using)

        revisions = Revision.objects.using(self.using).bulk_create(
            [
                Revision(
                    content_type=self.content_type,
                    base_content_type=self.page_content_type,
                    object_id=str(page.pk),
                    created_at=page.first_published_at,
                    object_str=page.title,
                    content=page.serializable_data(),
                )
                for page in pages
            ],
            batch_size=INSERT_BATCH_SIZE,
        )
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision_id = page.live_revision_id = revision.pk
        # One UPDATE per batch (bulk_update's CASE of a thousand branches is slow
        # to build): each page points at its revision, found by the index on
        # (base_content_type, object_id).
        revision = Subquery(
            Revision.objects.filter(
                base_content_type=self.page_content_type,
                object_id=Cast(OuterRef("pk"), CharField()),
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
        Page.objects.using(self.using).filter(pk__in=[page.pk for page in pages]).update(
            latest_revision_id=revision, live_revision_id=revision
        )

        topics_through = NewsItemPage.topics.through
        topics_through.objects.using(self.using).bulk_create(
            [
                topics_through(newsitempage_id=page.pk, topic_id=topic.pk)
                for page in pages
                for topic in page.topics.all()
            ],
            batch_size=INSERT_BATCH_SIZE,
        )
        sites_through = NewsItemPage.shared_with.through
        sites_through.objects.using(self.using).bulk_create(
            [
                sites_through(newsitempage_id=page.pk, site_id=site.pk)
                for page in pages
                for site in page.shared_with.all()
            ],
            batch_size=INSERT_BATCH_SIZE,
        )

        added = {}
        for page in pages:
            parent_path = page.path[: -Page.steplen]
            added[parent_path] = added.get(parent_path, 0) + 1
        for parent_path, count in added.items():
            Page.objects.using(self.using).filter(path=parent_path).update(
                numchild=F("numchild") + count
            )

        write_reference_index(pages, self.using)
        write_search_index(pages)


def write_reference_index(pages, using):
    """The reference index entries Wagtail would record for these new pages."""
    if not ReferenceIndex.is_indexed(NewsItemPage):
        return
    content_type = ContentType.objects.get_for_model(NewsItemPage)
    base_content_type = ReferenceIndex._get_base_content_type(NewsItemPage)
    entries = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(page.pk),
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
    ReferenceIndex.objects.using(using).bulk_create(
        entries, batch_size=INSERT_BATCH_SIZE, ignore_conflicts=True
    )


def write_search_index(pages):
    """Index the new pages in every search backend that updates automatically."""
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(pages), INSERT_BATCH_SIZE):
            backend.add_bulk(NewsItemPage, pages[start : start + INSERT_BATCH_SIZE])


# --- The commands' entry points -----------------------------------------------------------


def existing_numbers():
    return {
        number
        for number in (
            story_number(slug)
            for slug in NewsItemPage.objects.filter(
                slug__startswith=SLUG_PREFIX, locale=Locale.get_default()
            ).values_list("slug", flat=True)
        )
        if number is not None
    }


def generate(count, *, progress=None, pool_size=None):
    """Make stories 1 … ``count`` that do not exist yet. ``progress(done, total)``
    is called after each batch; ``pool_size`` pictures are shared by them."""
    result = Result()
    started = time.monotonic()
    rooms = newsrooms()
    if not rooms:
        raise ValueError("No site has a news index: there is nowhere to put stories.")
    topics = list(Topic.objects.filter(locale=Locale.get_default()).order_by("slug"))
    if not topics:
        raise ValueError("There are no topics in the source language.")

    have = existing_numbers()
    wanted = [number for number in range(1, count + 1) if number not in have]
    result.existing = count - len(wanted)
    if not wanted:
        return result

    with transaction.atomic():
        images, result.images_created = image_pool(pool_size or IMAGE_POOL_SIZE)
        locale = Locale.objects.filter(language_code=TRANSLATION_LANGUAGE).first()
        owners = [room.slug for room in rooms]
        plans = [plan_story(number, owners, len(topics)) for number in wanted]
        translated_rooms = {}
        if locale is not None:
            for room in rooms:
                if any(plan.translation and plan.owner == room.slug for plan in plans):
                    translated_rooms[room.slug] = translated_newsroom(room, locale)
    result.seconds["prepare"] = time.monotonic() - started

    builder = Builder(rooms, topics, images, locale, translated_rooms)
    for start in range(0, len(plans), BATCH_SIZE):
        batch = plans[start : start + BATCH_SIZE]
        with transaction.atomic():
            pages = builder.build(batch)
            builder.write(pages)
        result.created += len(batch)
        result.translated += len(pages) - len(batch)
        if progress is not None:
            progress(result.created, len(plans))
    refresh_statistics()
    # Rows were inserted without the signals that make cached pages stale.
    bump_generation()
    result.seconds["total"] = time.monotonic() - started
    return result


STATISTICS_TABLES = [
    Page._meta.db_table,
    NewsItemPage._meta.db_table,
    NewsItemPage.topics.through._meta.db_table,
    NewsItemPage.shared_with.through._meta.db_table,
    Revision._meta.db_table,
    ReferenceIndex._meta.db_table,
    IndexEntry._meta.db_table,
]


def refresh_statistics():
    """Let the database's planner know the tables grew (a thousandfold, maybe):
    with stale statistics PostgreSQL picks nested loops over 20,000 rows."""
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for table in STATISTICS_TABLES:
                cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(table)}")
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")


def generated_stories():
    """Every generated story, in every language."""
    return NewsItemPage.objects.filter(slug__startswith=SLUG_PREFIX, depth__gte=3)


def clear(*, progress=None):
    """Delete every generated story (in every language), and only those. The
    picture pool and the Russian newsrooms are kept. Returns the number deleted."""
    ids = list(generated_stories().order_by("pk").values_list("pk", flat=True))
    page_type = ContentType.objects.get_for_model(Page)
    parents = set()
    for start in range(0, len(ids), BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        with transaction.atomic():
            paths = NewsItemPage.objects.filter(pk__in=chunk).values_list("path", flat=True)
            parents.update(path[: -Page.steplen] for path in paths)
            # Django's own delete, not treebeard's (which saves the parent once
            # per page and ORs a condition per page): stories are leaves, and the
            # handlers of Wagtail, the search index and the page cache still run
            # for every page. The parents' numchild is set once, below.
            QuerySet.delete(NewsItemPage.objects.filter(pk__in=chunk))
            Revision.objects.filter(
                base_content_type=page_type, object_id__in=[str(pk) for pk in chunk]
            ).delete()
        if progress is not None:
            progress(min(start + BATCH_SIZE, len(ids)), len(ids))
    for path in parents:
        children = Page.objects.filter(path__startswith=path, depth=len(path) // Page.steplen + 1)
        Page.objects.filter(path=path).update(numchild=children.count())
    refresh_statistics()
    return len(ids)


def summary_counts():
    """Generated stories by language, for the command's report."""
    return dict(
        generated_stories()
        .values_list("locale__language_code")
        .annotate(count=Count("pk"))
        .order_by()
    )
