"""Publishing a page is refused while it uses an image that may not be on
the public site (its own, or the lead image of a story it features): without a credit, showing identifiable people without a
consent reference, past its usage expiry date, or marked sensitive. The
message names the image and the field or block that uses it.

Every page type's edit form is (or derives from) ``ImageCheckedPageForm``; the
check runs when the editor publishes or a moderator approves from the edit
view (saving a draft or submitting for review stays possible, so no work is
lost). The other ways to publish check the saved revision with
``page_publication_errors``: approving from the dashboard
(``website.admin_pages``) and publishing from the page explorer's bulk actions
(``images.wagtail_hooks``).
"""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.images.models import AbstractImage
from wagtail.models import Page

PUBLISH_ACTIONS = ("action-publish",)


def images_in_value(value, place):
    """(place, image) for every image in a field's value: an image, a
    StreamField's blocks (at any depth), a list."""
    if isinstance(value, AbstractImage):
        yield place, value
    elif isinstance(value, Page):
        # A chosen page shown with its picture (a featured story, a report
        # section's story): its lead image is used by this page too.
        image = getattr(value.specific_deferred, "lead_image", None)
        if image is not None:
            yield (
                _("%(place)s, “%(page)s”, lead image") % {"place": place, "page": value.title},
                image,
            )
    elif isinstance(value, StreamValue):
        for position, child in enumerate(value, start=1):
            label = child.block.label or child.block_type
            yield from images_in_value(
                child.value,
                _("%(field)s, block %(position)s (%(block)s)")
                % {"field": place, "position": position, "block": label},
            )
    elif isinstance(value, StructValue):
        for name, child in value.items():
            block = value.block.child_blocks.get(name)
            yield from images_in_value(
                child, place if block is None else f"{place} › {block.label or name}"
            )
    elif isinstance(value, (ListValue, list, tuple)):
        for child in value:
            yield from images_in_value(child, place)


def images_used_by_form(form):
    """(place, image) for every image the form's page would use."""
    for name, value in form.cleaned_data.items():
        field = form.fields.get(name)
        label = str(field.label if field is not None and field.label else name)
        yield from images_in_value(value, label)
    for formset in getattr(form, "formsets", {}).values():
        formset.is_valid()  # cleans its forms (ClusterForm cleans them after the form)
        for position, child in enumerate(formset.forms, start=1):
            data = getattr(child, "cleaned_data", None) or {}
            if data.get("DELETE"):
                continue
            for field_name, value in data.items():
                field = child.fields.get(field_name)
                label = str(field.label if field is not None and field.label else field_name)
                place = _("%(item)s %(position)s, %(field)s") % {
                    "item": capfirst(formset.model._meta.verbose_name),
                    "position": position,
                    "field": label,
                }
                yield from images_in_value(value, place)


def images_used_by_page(page):
    """(place, image) for every image a page (a saved revision's, say) would
    use, labelled as in its edit form: the fields of the form and the inline
    children (gallery photos)."""
    form_class = type(page).get_edit_handler().get_form_class()
    for name, field in form_class.base_fields.items():
        value = getattr(page, name, None)
        if value is not None:
            yield from images_in_value(value, str(field.label or name))
    for relation, formset_class in getattr(form_class, "formsets", {}).items():
        children = getattr(page, relation, None)
        if children is None or relation == "comments":
            continue
        for position, child in enumerate(children.all(), start=1):
            for field_name, field in formset_class.form.base_fields.items():
                place = _("%(item)s %(position)s, %(field)s") % {
                    "item": capfirst(child._meta.verbose_name),
                    "position": position,
                    "field": str(field.label or field_name),
                }
                yield from images_in_value(getattr(child, field_name, None), place)


def problem_messages(used):
    messages = []
    for place, image in used:
        for problem in image.publication_problems():
            messages.append(
                _("Cannot publish: the image “%(image)s” (%(place)s): %(problem)s.")
                % {"image": image.title, "place": place, "problem": problem}
            )
    return list(dict.fromkeys(messages))


def publication_errors(form):
    return problem_messages(images_used_by_form(form))


def page_publication_errors(page):
    """Why ``page`` (specific) may not be published, for its images."""
    return problem_messages(images_used_by_page(page))


class ImageCheckedPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        publishing = any(action in self.data for action in PUBLISH_ACTIONS)
        # A moderator approving from the edit view (the last approval publishes).
        approving = self.data.get("workflow-action-name") == "approve"
        if publishing or approving:
            errors = publication_errors(self)
            if errors:
                raise ValidationError(errors)
        return cleaned_data
