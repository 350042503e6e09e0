"""The original file of an image, for editors: the public site shows only
renditions, and no web server or bucket serves ``original_images/``."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry


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
