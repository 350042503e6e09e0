"""SQLite's planner statistics are made whole after a migrate (website/statistics.py):
a table rebuilt by a migration loses its statistics while the others keep theirs,
and the planner then reads lists of stories through the whole page table."""

import pytest
from django.db import connection

from website.statistics import refresh_after_migrate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's statistics only"),
]


def analysed_tables():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return set()
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {row[0] for row in cursor.fetchall()}


def test_statistics_of_some_tables_become_statistics_of_all(site_tree):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailcore_page")  # as if the others were rebuilt
    assert "newsroom_newsitempage" not in analysed_tables()
    try:
        refresh_after_migrate(using="default")
        assert {"wagtailcore_page", "newsroom_newsitempage", "newsroom_reportissuepage"} <= (
            analysed_tables()
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM sqlite_stat1")


def test_a_database_never_analysed_stays_without_statistics(site_tree):
    if analysed_tables():
        pytest.skip("this database has statistics already")
    refresh_after_migrate(using="default")
    assert analysed_tables() == set()
