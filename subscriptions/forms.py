from django import forms
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address like name@example.org."),
        },
    )
    # A honeypot: hidden from people (and from screen readers), filled in by
    # robots that fill in every field. A form with it is answered as if it had
    # worked, and nothing is done.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    @property
    def is_from_robot(self):
        return bool(self.cleaned_data.get("website"))
