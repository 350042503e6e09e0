from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "website"

    def ready(self):
        # Kazakh, Kyrgyz, … fall back to Russian, not English (settings.TRANSLATION_FALLBACKS).
        from website.i18n import install_translation_fallbacks

        install_translation_fallbacks()

        # The page cache's invalidation (website/cache.py) listens to page,
        # snippet, setting, image and document changes in every process:
        # web workers, cron's publish_scheduled, management commands.
        from website import cache

        cache.connect_signals()

        # SQLite's statistics made whole after migrations (website/statistics.py).
        from django.db.models.signals import post_migrate

        from website.statistics import refresh_after_migrate

        post_migrate.connect(refresh_after_migrate, sender=self)
