from django.db import migrations


class Migration(migrations.Migration):
    """An index on the depth of Wagtail's pages: every request reads the home
    pages (depth 2) and the sections (depth 3) of the tree by depth
    (website.sites.Frame), and without it the database scans every page."""

    dependencies = [
        ("website", "0003_rate_limit_attempt"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS website_page_depth_idx ON wagtailcore_page (depth)",
            "DROP INDEX IF EXISTS website_page_depth_idx",
        ),
        migrations.RunSQL("ANALYZE wagtailcore_page", migrations.RunSQL.noop),
    ]
