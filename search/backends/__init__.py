"""The database search backend, with PostgreSQL text search in each page's language.

``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"`` chooses,
like ``modelsearch.backends.database`` does, by the database in use:

- PostgreSQL: :class:`search.backends.postgres.LanguagePostgresSearchBackend`,
  modelsearch's PostgreSQL full-text backend with one text search
  configuration per language (``SEARCH_CONFIGS``) instead of one for all;
- SQLite with FTS5 (development, the embedded default):
  :class:`search.backends.sqlite.RankedSQLiteSearchBackend`, modelsearch's
  FTS5 backend ranking a search in one query; no stemming, configurations
  ignored;
- anything else: modelsearch's own database backend.

Why not one backend alias per language? Every alias of the database backend
writes into the same table (``wagtailsearch_indexentry``, one row per object),
so the alias indexed last would overwrite the others' vectors: a Russian page
would end up stemmed as English or the other way round. One backend that picks
the configuration per object (from its locale) keeps one row, stemmed right.
"""

from django.db import connections, router


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks for
    from modelsearch.backends import database
    from modelsearch.conf import get_app_config

    index_entry = get_app_config().get_model("IndexEntry")
    if connections[router.db_for_write(index_entry)].vendor == "postgresql":
        from search.backends.postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    backend = database.SearchBackend(params)
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:
        from search.backends.sqlite import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend


def for_language(language):
    """The default backend, searching ``language``'s pages: on PostgreSQL with
    that language's text search configuration (other backends ignore it)."""
    from wagtail.search.backends import get_search_backend

    return get_search_backend("default", LANGUAGE=language)
