from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The site's image model (``WAGTAILIMAGES_IMAGE_MODEL``): Wagtail's image
    with who took it, its rights, consent and how long it may be used."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "images"
    verbose_name = _("Images")
