from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from images import views
from images.forms import page_publication_errors


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


@hooks.register("before_bulk_action")
def check_images_before_bulk_publish(request, action_type, objects, action_class_instance):
    """Publishing pages from the explorer's bulk actions publishes their latest
    revisions (and, when asked, their draft descendants'): refused, with the
    images named, while any of them uses an image that may not be public."""
    if action_type != "publish" or getattr(action_class_instance, "model", None) is None:
        return None
    if not issubclass(action_class_instance.model, Page):
        return None
    form = getattr(action_class_instance, "cleaned_form", None)
    with_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    errors = []
    for page in objects:
        pages = [page]
        if with_descendants:
            pages += list(page.get_descendants().not_live().specific())
        for each in pages:
            revision = each.get_latest_revision()
            candidate = revision.as_object() if revision else each.specific
            errors += [
                f"{candidate.get_admin_display_title()}: {error}"
                for error in page_publication_errors(candidate)
            ]
    if not errors:
        return None
    for error in dict.fromkeys(errors):
        messages.error(request, error)
    return redirect(action_class_instance.next_url)
