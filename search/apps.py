from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"

    def ready(self):
        from wagtail.signals import page_published

        from search.signals import reindex_published_page

        page_published.connect(reindex_published_page, dispatch_uid="search.reindex_published_page")
