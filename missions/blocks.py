"""Blocks of a mission's contact page: offices, e-mails, hotlines, emergency numbers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from website.blocks import PhoneNumberBlock


class OfficeBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        max_length=120,
        help_text=_("e.g. 'Almaty office'."),
        label=_("Name"),
    )
    address = blocks.TextBlock(
        help_text=_("Street address, one line per line on the envelope."),
        label=_("Address"),
    )
    city = blocks.CharBlock(
        max_length=80,
        help_text=_("The city the office is in."),
        label=_("City"),
    )
    map_url = blocks.URLBlock(
        required=False,
        help_text=_("A link to the office on a map (OpenStreetMap, Google Maps)."),
        label=_("Map link"),
    )
    phone = PhoneNumberBlock(
        required=False,
        help_text=_("The office's switchboard number."),
        label=_("Phone"),
    )

    class Meta:
        icon = "home"
        label = _("Office")
        description = _("An office with its address and a map link.")
        preview_value = {
            "name": "Almaty office",
            "address": "303 Baizakov Street",
            "city": "Almaty",
        }


class EmailAddressBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=120,
        help_text=_("What to write about, e.g. 'General enquiries (Astana)'."),
        label=_("Label"),
    )
    email = blocks.EmailBlock(
        help_text=_("The address, e.g. iomastana@iom.int."),
        label=_("E-mail address"),
    )

    class Meta:
        icon = "mail"
        label = _("E-mail address")
        description = _("A labelled e-mail address, shown as a mailto: link.")
        preview_value = {"label": "General enquiries", "email": "iomkyrgyzstan@iom.int"}


class HotlineBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=120,
        help_text=_("e.g. 'National counter-trafficking hotline'."),
        label=_("Name"),
    )
    number = PhoneNumberBlock(
        help_text=_("The number to dial, e.g. 1899."),
        label=_("Number"),
    )
    hours = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("When it answers, e.g. '24 hours, 7 days'."),
        label=_("Hours"),
    )
    toll_free = blocks.BooleanBlock(
        required=False,
        default=True,
        help_text=_("Tick if calls are free of charge."),
        label=_("Toll-free"),
    )

    class Meta:
        icon = "mobile-alt"
        label = _("Hotline")
        description = _("A hotline with its hours; shown first on the contact page.")
        preview_value = {
            "label": "National hotline",
            "number": "1899",
            "hours": "24/7",
            "toll_free": True,
        }


class EmergencyNumberBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=120,
        help_text=_("e.g. 'Emergency cell number'."),
        label=_("Name"),
    )
    number = PhoneNumberBlock(
        help_text=_("The number, with country code: +992900800800."),
        label=_("Number"),
    )

    class Meta:
        icon = "warning"
        label = _("Emergency number")
        description = _("A number for emergencies.")
        preview_value = {"label": "Emergency cell number", "number": "+992900800800"}
