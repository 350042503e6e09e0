"""Fixtures shared by every test: media in a temporary folder, a seeded
random source, and ``site_tree``, a small newsroom with real content."""

import datetime
import os
import shutil
import sys
import tempfile
from types import SimpleNamespace
from urllib.parse import urlsplit

import factory.random
import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests import encoded_images, factories
from tests.factories import (
    ContactIndexPageFactory,
    GalleryIndexPageFactory,
    GalleryPhotoFactory,
    MissionContactPageFactory,
    MissionHomePageFactory,
    NewsIndexPageFactory,
    NewsItemPageFactory,
    PhotoGalleryPageFactory,
    RegionalHomePageFactory,
    ReportIndexPageFactory,
    ReportIssuePageFactory,
    TopicFactory,
    contact_email,
    hotline,
    report_section,
)
from website.structure import MISSIONS, REGIONAL


def pytest_configure(config):
    """Picture encodings are kept for the run (tests/encoded_images.py), in a
    folder the workers and the browser tests' server share."""
    if not hasattr(config, "workerinput") and not os.environ.get(encoded_images.ENVIRONMENT):
        folder = tempfile.mkdtemp(prefix="newsroom-test-encodings-")
        os.environ[encoded_images.ENVIRONMENT] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    encoded_images.install()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist=loadfile`` (pyproject.toml), with the browser and deployment
    tests each on one worker and the longest files first (tests/scheduling.py)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from tests.scheduling import SharedServersScheduling

    return SharedServersScheduling(config, log)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts and ends with an empty cache: Wagtail keeps the sites'
    root paths there, the page cache its pages and values."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def same_language_after():
    """A request to /ru/… leaves Russian active in the thread (LocaleMiddleware
    activates the address's language), and a module fixture may have made one
    before this test started: every test starts in the default language and
    leaves it behind."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def page_cache(settings):
    """The full-page cache switched on, as in production with Redis; empty at
    the start."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    # A test may have pointed the cache at a Redis database that tests of other
    # processes share (test_scheduled_expiry.py removes its own keys): clearing
    # it would empty theirs.
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        cache.clear()


@pytest.fixture(autouse=True)
def media_tmp(settings, tmp_path):
    """Uploaded files (images, documents, renditions) go to a temporary folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


def _project_factories():
    return [
        value
        for value in vars(factories).values()
        if isinstance(value, type)
        and issubclass(value, factory.base.BaseFactory)
        and value.__module__ == factories.__name__
    ]


def _reset_factories():
    factory.random.reseed_random("centralasia-newsroom")
    for value in _project_factories():
        value.reset_sequence(0, force=True)


def _factories_state():
    """Where the factories' sequences and random source are now."""
    sequences = {}
    for value in _project_factories():
        value._meta._initialize_counter()
        sequences[value] = value._meta._counter.seq
    return sequences, factory.random.get_random_state()


def _restore_factories(state):
    sequences, random_state = state
    for value, seq in sequences.items():
        value.reset_sequence(seq, force=True)
    factory.random.set_random_state(random_state)


@pytest.fixture(autouse=True)
def deterministic_factories():
    """Every test starts the factories' sequences at 0 and factory_boy's random
    source from the same seed, so titles, dates and numbers do not depend on
    which tests ran before. (``site_tree`` then puts them where building the
    tree left them, as if the tree had been built in the test.)"""
    _reset_factories()


@pytest.fixture
def fetch_page(client):
    """``fetch_page(page, **query)``: GET a page at its URL on its own site
    (``/en/…`` with the site's hostname), as an anonymous visitor."""

    def fetch(page, **query):
        _site_id, root_url, path = page.get_url_parts()
        return client.get(path, query, HTTP_HOST=urlsplit(root_url).hostname)

    return fetch


class PageAdmin:
    """Posts page forms to the real Wagtail admin as a logged-in superuser.

    ``fields`` is the nested form data of the page's own fields (use
    ``wagtail.test.utils.form_data.streamfield`` / ``rich_text`` /
    ``inline_formset`` inside it); the comments formset and the publish action
    are added here.
    """

    def __init__(self, client):
        self.client = client

    @staticmethod
    def _data(fields, publish):
        data = nested_form_data({"comments": inline_formset([]), **fields})
        if publish:
            data["action-publish"] = "action-publish"
        return data

    def add(self, parent, model, fields, publish=True):
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        return self.client.post(url, self._data(fields, publish))

    def edit(self, page, fields, publish=True):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return self.client.post(url, self._data(fields, publish))

    @staticmethod
    def form_errors(response):
        """The errors of the page form the admin showed again, by field name."""
        assert response.status_code == 200, f"expected the form again, got {response.status_code}"
        return response.context["form"].errors


@pytest.fixture
def page_admin(admin_client):
    """A PageAdmin whose client is logged in as a superuser."""
    return PageAdmin(admin_client)


def _replace_welcome_site():
    """Remove Wagtail's "Welcome" page and the localhost site that points to it."""
    root = Page.get_first_root_node()
    for page in root.get_children().exact_type(Page):
        page.delete()
    Site.objects.filter(root_page__depth=1).delete()


def _mission(spec, *, contact_emails, contact_hotline, story_titles):
    home = MissionHomePageFactory(title=spec.name, slug=spec.slug, country=spec.country)
    site = Site.objects.create(hostname=spec.hostname, port=80, root_page=home, site_name=spec.name)
    news = NewsIndexPageFactory(parent=home)
    gallery_index = GalleryIndexPageFactory(parent=home)
    contact = MissionContactPageFactory(
        parent=home,
        emails=[contact_email(address) for address in contact_emails],
        hotlines=[hotline(contact_hotline)],
    )
    stories = [NewsItemPageFactory(parent=news, title=title) for title in story_titles]
    return SimpleNamespace(
        home=home,
        site=site,
        news=news,
        gallery_index=gallery_index,
        contact=contact,
        stories=stories,
    )


def _build_site_tree():
    """Builds the tree ``site_tree`` describes; returns its namespace."""
    _replace_welcome_site()

    regional = RegionalHomePageFactory(title=REGIONAL.name, slug=REGIONAL.slug)
    regional_site = Site.objects.create(
        hostname=REGIONAL.hostname,
        port=80,
        root_page=regional,
        site_name=REGIONAL.name,
        is_default_site=True,
    )
    regional_news = NewsIndexPageFactory(parent=regional)
    report_index = ReportIndexPageFactory(parent=regional)
    regional_gallery_index = GalleryIndexPageFactory(parent=regional)
    contact_index = ContactIndexPageFactory(parent=regional)
    regional_story = NewsItemPageFactory(parent=regional_news, title="Regional story")

    kazakh_spec, kyrgyz_spec = MISSIONS[0], MISSIONS[1]
    kz = _mission(
        kazakh_spec,
        contact_emails=["iomastana@iom.int"],
        contact_hotline="1899",
        story_titles=["Kazakhstan story 1", "Kazakhstan story 2"],
    )
    kg = _mission(
        kyrgyz_spec,
        contact_emails=["iomkyrgyzstan@iom.int", "iombishkek@iom.int"],
        contact_hotline="+996 312 98 60 10",
        story_titles=["Kyrgyzstan story 1", "Kyrgyzstan story 2"],
    )

    gallery = PhotoGalleryPageFactory(parent=kz.gallery_index, title="Kostanay workshop")
    gallery_photos = [
        GalleryPhotoFactory(page=gallery, sort_order=0, alt_text="A shoemaker at his workbench"),
        GalleryPhotoFactory(page=gallery, sort_order=1, alt_text="Trainees sewing school uniforms"),
    ]

    topic = TopicFactory(name="Counter-trafficking", slug="counter-trafficking")
    kg.stories[0].topics.add(topic)
    kg.stories[0].save()

    issue = ReportIssuePageFactory(
        parent=report_index,
        issue_number=1,
        title="Issue 1",
        publication_date=datetime.date(2024, 4, 15),
        sections=[
            report_section(
                "Direct assistance",
                [kg.stories[1], kz.stories[0]],
                intro="Help given to migrants.",
            ),
            report_section("Partnerships", [kz.stories[1]]),
        ],
    )

    return SimpleNamespace(
        regional=regional,
        regional_site=regional_site,
        regional_news=regional_news,
        regional_gallery_index=regional_gallery_index,
        report_index=report_index,
        contact_index=contact_index,
        regional_story=regional_story,
        kazakhstan=kz.home,
        kazakhstan_site=kz.site,
        kazakhstan_news=kz.news,
        kazakhstan_gallery_index=kz.gallery_index,
        kazakhstan_contact=kz.contact,
        kazakhstan_stories=kz.stories,
        kyrgyzstan=kg.home,
        kyrgyzstan_site=kg.site,
        kyrgyzstan_news=kg.news,
        kyrgyzstan_gallery_index=kg.gallery_index,
        kyrgyzstan_contact=kg.contact,
        kyrgyzstan_stories=kg.stories,
        gallery=gallery,
        gallery_photos=gallery_photos,
        topic=topic,
        issue=issue,
    )


def _keys(value):
    """(model, pk) of an object, or a list or dict of them."""
    if isinstance(value, list):
        return [_keys(item) for item in value]
    if isinstance(value, dict):
        return {name: _keys(item) for name, item in value.items()}
    return (type(value), value.pk)


def _fetch(key):
    """The objects of ``_keys`` read afresh from the database."""
    if isinstance(key, list):
        return [_fetch(item) for item in key]
    if isinstance(key, dict):
        return {name: _fetch(item) for name, item in key.items()}
    model, pk = key
    return model._default_manager.get(pk=pk)


@pytest.fixture(scope="module")
def site_tree_additions():
    """What a module adds to the shared tree, once: a module overrides this
    (module-scoped) fixture with a function ``add(tree)`` that builds on the
    tree's namespace, in its transaction, and returns a dict of the objects it
    made (models, lists or dicts of them); ``site_tree_added`` gives them to
    each test, read afresh. None: nothing added."""
    return None


@pytest.fixture(scope="module")
def site_tree_once(django_db_setup, django_db_blocker, tmp_path_factory, site_tree_additions):
    """``site_tree`` built once for the module (with the module's
    ``site_tree_additions``), in a transaction rolled back at its end: the
    objects' keys, the folder of its media files and the factories' state
    after the build."""
    media = tmp_path_factory.mktemp("site-tree-media")
    atomic = transaction.atomic()
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media)),
        translation.override(settings.LANGUAGE_CODE),
    ):
        atomic.__enter__()
        try:
            cache.clear()  # Wagtail caches the sites' root paths
            _reset_factories()
            built = _build_site_tree()
            added = site_tree_additions(built) if site_tree_additions else {}
            shared = SimpleNamespace(
                keys={name: _keys(value) for name, value in vars(built).items()},
                added=_keys(added),
                media=media,
                factories=_factories_state(),
            )
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    try:
        yield shared
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        cache.clear()  # the sites' root paths were rolled back


@pytest.fixture
def site_tree(site_tree_once, db, settings):
    """The regional site and two mission sites, each with content.

    Attributes of the returned namespace:

    - ``regional``: the RegionalHomePage "Central Asia"; ``regional_site``: its
      Site, hostname ``centralasia.localhost`` (``REGIONAL.hostname``), port 80,
      the default site.
    - ``regional_news``, ``regional_gallery_index``, ``report_index``,
      ``contact_index``: the regional home's four index pages (``/news/``,
      ``/photos/``, ``/reports/``, ``/contacts/``).
    - ``regional_story``: a NewsItemPage of the regional newsroom.
    - ``kazakhstan``, ``kyrgyzstan``: MissionHomePages (country KZ, KG), children
      of the tree root after the regional home, in that order;
      ``kazakhstan_site`` / ``kyrgyzstan_site``: their Sites
      (``kazakhstan.localhost``, ``kyrgyzstan.localhost``, port 80).
    - ``kazakhstan_news`` / ``kyrgyzstan_news``: their NewsIndexPages;
      ``kazakhstan_gallery_index`` / ``kyrgyzstan_gallery_index``: their
      GalleryIndexPages.
    - ``kazakhstan_contact`` / ``kyrgyzstan_contact``: their MissionContactPages.
      Kazakhstan: hotline "1899", e-mail iomastana@iom.int; Kyrgyzstan: hotline
      "+996 312 98 60 10", e-mails iomkyrgyzstan@iom.int, iombishkek@iom.int.
    - ``kazakhstan_stories`` / ``kyrgyzstan_stories``: lists of two NewsItemPages
      each ("Kazakhstan story 1", "Kazakhstan story 2", "Kyrgyzstan story 1",
      "Kyrgyzstan story 2"), each with a summary and a one-paragraph body.
    - ``gallery``: the PhotoGalleryPage "Kostanay workshop" under the Kazakh
      gallery index; ``gallery_photos``: its two GalleryPhotos, in order
      ("A shoemaker at his workbench", "Trainees sewing school uniforms").
    - ``topic``: the Topic "Counter-trafficking", tagged on the first Kyrgyz story.
    - ``issue``: ReportIssuePage number 1 ("Issue 1", published 2024-04-15) of
      ``report_index`` with two sections,
      "Direct assistance" (Kyrgyzstan story 2, Kazakhstan story 1) and
      "Partnerships" (Kazakhstan story 2).

    Every page is live and in English. Page URLs are served at ``/en/…`` on the
    page's own site: use ``page.get_url_parts()`` and ``HTTP_HOST``.

    The tree is built once per test module (``site_tree_once``), in a
    transaction rolled back after the module; each test runs in its own
    savepoint and gets every page and object read afresh from the database,
    the tree's image files copied into its own MEDIA_ROOT and the factories'
    sequences where building the tree left them. A test that commits
    (``transactional_db``, ``live_server``) cannot share it: its module
    overrides ``site_tree`` with ``fresh_site_tree``.
    """
    cache.clear()  # Wagtail caches the sites' root paths
    shutil.copytree(site_tree_once.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    _restore_factories(site_tree_once.factories)
    return SimpleNamespace(**{name: _fetch(key) for name, key in site_tree_once.keys.items()})


@pytest.fixture
def site_tree_added(site_tree, site_tree_once):
    """The objects the module's ``site_tree_additions`` made, read afresh."""
    return _fetch(site_tree_once.added)


@pytest.fixture
def fresh_site_tree(db):
    """``site_tree`` built in the test itself, for tests whose transaction is
    committed (``transactional_db``, ``live_server``): a module of such tests
    overrides ``site_tree`` with it."""
    cache.clear()  # Wagtail caches the sites' root paths
    return _build_site_tree()


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    ):
        return True
    return "transactional_db" in item.fixturenames or "live_server" in item.fixturenames


def _shared_builds(item):
    """The tests' fixtures of a wider scope than the test that write to the
    database (in a transaction kept open for their module or class, as
    ``site_tree_once`` does); not pytest-django's own."""
    return {
        name
        for name, fixturedefs in item._fixtureinfo.name2fixturedefs.items()
        if fixturedefs[-1].baseid  # defined in the tests, not by a plugin
        and fixturedefs[-1].scope in ("module", "class", "package")
        and "django_db_blocker" in fixturedefs[-1].argnames
    }


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The shared ``site_tree`` lives in its module's transaction: a test that
    commits cannot use it. In each module, the tests that use no shared build
    run first (they must not see one), then those using other builds, then
    those using ``site_tree``."""
    for item in items:
        if "site_tree_once" in item.fixturenames and _is_transactional(item):
            raise pytest.UsageError(
                f"{item.nodeid} commits its transaction: it cannot use the shared"
                " site_tree; override site_tree with fresh_site_tree in its module"
            )

    def order(item):
        builds = _shared_builds(item)
        return (bool(builds), "site_tree_once" in builds)

    ordered, run, module = [], [], None
    for item in items + [None]:
        item_module = getattr(item, "module", None)
        if item_module is not module and run:
            ordered.extend(sorted(run, key=order))
            run = []
        module = item_module
        if item is not None:
            run.append(item)
    items[:] = ordered


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test that commits (``transactional_db``) leaves the database flushed:
    pytest-django empties every table after it. When the next test of the
    process is not one, the migrated content (Wagtail's root page, the
    locales, the groups) is put back, as it was when the test database was
    made, so that test starts like every other: whichever order the tests
    reach a worker in (``--dist=loadfile``)."""
    yield
    if not _is_transactional(item) or nextitem is None or _is_transactional(nextitem):
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)
