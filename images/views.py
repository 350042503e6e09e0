"""Admin views of images: the original file, for editors (the public site
shows only renditions, and no web server or bucket serves
``original_images/``), and the report of images whose usage ends soon."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from images.usage import pages_using


@require_safe
def original(request, image_id):
    """The uploaded file (already without its location data), to editors who
    may choose or change the image; an attachment, never rendered in the
    admin's origin."""
    Image = get_image_model()
    image = get_object_or_404(Image, pk=image_id)
    policy = policy_registry.get_by_type(Image)
    if not policy.user_has_any_permission_for_instance(request.user, ["choose", "change"], image):
        raise PermissionDenied
    stored = image.file.storage.open(image.file.name, "rb")
    response = FileResponse(stored, as_attachment=True, filename=image.filename)
    response["Cache-Control"] = "private, no-store"
    return response


EXPIRING_DAYS = 30


def expiring_report(request):
    """The images whose usage ends in the next 30 days, soonest first, with
    the pages that use them (from the reference index: three queries)."""
    Image = get_image_model()
    policy = policy_registry.get_by_type(Image)
    if not policy.user_has_any_permission(request.user, ["choose", "change"]):
        raise PermissionDenied
    today = timezone.localdate()
    images = list(
        policy.instances_user_has_any_permission_for(request.user, ["choose", "change"])
        .expiring_within(today, EXPIRING_DAYS)
        .select_related("collection")
    )
    usage = pages_using(images)
    rows = [
        {
            "image": image,
            "days_left": (image.usage_expires - today).days,
            "pages": usage.get(image.pk, []),
        }
        for image in images
    ]
    return TemplateResponse(
        request,
        "images/expiring_report.html",
        {"rows": rows, "days": EXPIRING_DAYS, "today": today},
    )
