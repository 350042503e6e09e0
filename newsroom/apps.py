from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsroom"

    def ready(self):
        # PDF editions of report issues: made when an issue, a story it shows
        # or a contact page is published or unpublished (newsroom/editions/).
        from newsroom.editions import signals

        signals.connect()
