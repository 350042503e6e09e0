"""The query planner's statistics after migrations.

SQLite keeps statistics of tables and indexes (``sqlite_stat1``) only once
``ANALYZE`` has run (``demo/bulk.py`` runs it after generating stories). A
migration that rebuilds a table (SQLite alters most columns by copying the
table) or adds an index leaves that table or index without statistics while
the others keep theirs; the planner then takes the table it knows nothing
about for a large one and reads the stories through the whole page table
(at 20,000 stories a list of six took 40 ms instead of 0.1). After every
``migrate`` the statistics are made whole again, where there were some: a
database never analysed keeps none, which the planner handles well.
PostgreSQL analyses changed tables by itself (autovacuum).
"""

from django.db import connections


def refresh_after_migrate(using="default", **kwargs):
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
        if cursor.fetchone() is not None:
            cursor.execute("ANALYZE")
