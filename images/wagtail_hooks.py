from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from images import views


@hooks.register("register_admin_urls")
def register_image_urls():
    return [
        path("images/<int:image_id>/original/", views.original, name="image_original"),
        path("reports/expiring-images/", views.expiring_report, name="images_expiring_report"),
    ]


class ExpiringImagesMenuItem(MenuItem):
    def is_shown(self, request):
        policy = policy_registry.get_by_type(get_image_model())
        return policy.user_has_any_permission(request.user, ["choose", "change"])


@hooks.register("register_reports_menu_item")
def register_expiring_images_report():
    return ExpiringImagesMenuItem(
        _("Images expiring soon"),
        reverse("images_expiring_report"),
        icon_name="image",
        order=900,
    )
