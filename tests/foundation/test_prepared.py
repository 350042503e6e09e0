"""Prepared queries (website/prepared.py): built and compiled once per shape,
run with each call's values, and refused when a value is not a plain
parameter."""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.models import Q
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page

from website.prepared import Fixed, NotPreparable, Prepared

pytestmark = pytest.mark.django_db


@pytest.fixture
def compilations(monkeypatch):
    """How many times Django compiled a query."""
    count = {"n": 0}
    original = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        count["n"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    return count


def children_of(parent_path, depth, slugs, locale_id, limit):
    return (
        Page.objects.filter(path__startswith=parent_path, depth=depth, slug__in=slugs)
        .filter(locale_id=locale_id)
        .select_related("locale")
        .order_by("path")[:limit]
    )


def test_a_prepared_query_gives_what_the_queryset_gives_with_each_calls_values(site_tree):
    prepared = Prepared(children_of)
    root = Page.objects.get(depth=1)
    home = Page.objects.get(pk=site_tree.regional.pk)
    en = Locale.objects.get(language_code="en").pk
    for parent, depth, slugs in [
        (root.path, 2, [home.slug, "nothing-here"]),
        (home.path, 3, [site_tree.regional_news.slug, "photos"]),
        (home.path, 3, [site_tree.contact_index.slug, site_tree.regional_news.slug]),
    ]:
        expected = list(children_of(parent, depth, slugs, en, 5))
        found = prepared.run(parent, depth, slugs, en, Fixed(5))
        assert [page.pk for page in found] == [page.pk for page in expected]
        assert found, "every lookup finds pages"
        # select_related came with the rows.
        assert all("locale" in page._state.fields_cache for page in found)


def test_the_sql_is_compiled_once_per_shape(site_tree, compilations):
    prepared = Prepared(children_of)
    home = Page.objects.get(pk=site_tree.regional.pk)
    en = Locale.objects.get(language_code="en").pk
    compilations["n"] = 0
    prepared.run(home.path, 3, [site_tree.regional_news.slug, "x"], en, Fixed(5))
    assert compilations["n"] == 1
    prepared.run(home.path, 3, ["contacts", "reports"], en, Fixed(5))
    assert compilations["n"] == 1
    # Another shape: a list of another length, another LIMIT.
    prepared.run(home.path, 3, ["news"], en, Fixed(5))
    prepared.run(home.path, 3, ["news"], en, Fixed(2))
    assert compilations["n"] == 3


def test_uuids_dates_and_like_patterns_are_substituted(site_tree):
    home = Page.objects.get(pk=site_tree.regional.pk)

    def build(key, path, since):
        return Page.objects.filter(
            Q(translation_key=key) | Q(path__startswith=path, depth=3),
            Q(first_published_at__gte=since) | Q(first_published_at__isnull=True),
        ).order_by("path")

    prepared = Prepared(build)
    long_ago = timezone.now() - datetime.timedelta(days=365 * 50)
    first = prepared.run(home.translation_key, home.path, long_ago)
    assert [page.pk for page in first] == [
        page.pk for page in build(home.translation_key, home.path, long_ago)
    ]
    assert home.pk in {page.pk for page in first}
    assert prepared.run(uuid.uuid4(), "9999", long_ago) == []


def test_a_transformed_value_is_refused_rather_than_answered_wrongly(site_tree):
    prepared = Prepared(lambda word: Page.objects.filter(title__icontains=word))
    with pytest.raises(NotPreparable):
        prepared.run("news")
    # Passed as Fixed, it is part of the shape and works.
    found = Prepared(lambda word: Page.objects.filter(title__icontains=word)).run(Fixed("news"))
    assert found == list(Page.objects.filter(title__icontains="news"))


def test_values_of_unsupported_types_are_refused():
    with pytest.raises(TypeError):
        Prepared(lambda value: Page.objects.filter(pk=value)).run(1.5)


def test_a_prepared_query_runs_in_other_threads_on_their_own_connections():
    """Compiled in one thread, run in another (a threaded server): each
    thread uses its own database connection."""
    import threading

    from django.db import connections

    prepared = Prepared(lambda depth: Page.objects.filter(depth=depth))
    assert [page.depth for page in prepared.run(1)] == [1]
    found, errors = [], []

    def other_thread():
        try:
            found.extend(page.depth for page in prepared.run(1))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections["default"].close()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert errors == []
    assert found == [1]


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statements prepared on PostgreSQL only"
)


def statements(queries):
    return [query["sql"].split(" ", 2)[:2] for query in queries.captured_queries]


@postgresql_only
def test_on_postgresql_each_shape_is_prepared_once_per_connection_and_executed(site_tree):
    prepared = Prepared(children_of)
    home = Page.objects.get(pk=site_tree.regional.pk)
    en = Locale.objects.get(language_code="en").pk
    slugs = [site_tree.regional_news.slug, site_tree.contact_index.slug]
    expected = [page.pk for page in children_of(home.path, 3, slugs, en, 5)]
    with CaptureQueriesContext(connection) as queries:
        first = prepared.run(home.path, 3, slugs, en, Fixed(5))
        second = prepared.run(home.path, 3, list(reversed(slugs)), en, Fixed(5))
    assert [page.pk for page in first] == expected == [page.pk for page in second]
    # Run as EXECUTE (the query's text after it, for logs and tests).
    assert [words[0] for words in statements(queries)] == ["EXECUTE", "EXECUTE"]
    assert "wagtailcore_page" in queries.captured_queries[0]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        (count,) = cursor.fetchone()
    assert count >= 1


@postgresql_only
def test_prepared_statements_can_be_turned_off(site_tree, settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    prepared = Prepared(children_of)
    home = Page.objects.get(pk=site_tree.regional.pk)
    en = Locale.objects.get(language_code="en").pk
    with CaptureQueriesContext(connection) as queries:
        found = prepared.run(home.path, 3, [site_tree.regional_news.slug], en, Fixed(5))
    assert [page.pk for page in found] == [site_tree.regional_news.pk]
    assert statements(queries)[0][0] == "SELECT"


@postgresql_only
def test_a_value_too_large_for_the_prepared_types_runs_unprepared(site_tree):
    prepared = Prepared(lambda pk: Page.objects.filter(pk=pk))
    assert prepared.run(site_tree.regional.pk)[0].pk == site_tree.regional.pk
    with CaptureQueriesContext(connection) as queries:
        assert prepared.run(2**40) == []
    assert statements(queries)[0][0] == "SELECT"
