"""Messages of wagtail-localize whose Russian the project corrects.

The project's catalogues come first in ``LOCALE_PATHS``, so a message
translated in ``locale/ru/LC_MESSAGES/django.po`` replaces the translation a
package ships. wagtail-localize's Russian has errors in the translation
editor and its messages ("Переведено в ручную в …", "до даты" for "Up to
date"); the messages below are corrected in the Russian catalogue. They are
listed here, marked with ``gettext_noop``, only so that ``makemessages``
keeps them in the catalogues (it drops a message the project's code does not
name); nothing imports this module.

Their JavaScript counterparts (the translation editor's buttons, e.g.
"Download PO file" and "Upload PO file", both "Загрузить PO файл" upstream)
are in ``upstream_messages.js``, for ``locale/ru/LC_MESSAGES/djangojs.po``.

The other languages leave these messages empty: Wagtail and wagtail-localize
have no Kazakh, Kyrgyz, Tajik, Turkmen or Uzbek catalogue, so those screens
are in Russian (``settings.TRANSLATION_FALLBACKS``), with these corrections.

What the project cannot correct (README, "Languages"): the date in "Translated
manually on {date}" is formatted by wagtail-localize with ``strftime`` and
stays in English ("2 December 2026").
"""

from django.utils.translation import gettext_noop, ngettext_lazy

UPSTREAM_MESSAGES = [
    # The translation editor's comment under a translated segment.
    gettext_noop("Translated manually on {date}"),
    gettext_noop("Translated with {tool_name} on {date}"),
    gettext_noop("Machine translated on {date}"),
    # Translations report and snippet listings.
    gettext_noop("Up to date"),
    gettext_noop("Machine"),
    gettext_noop("Translation of %(instance)s into %(locale)s"),
    gettext_noop("Editing %(object_type)s %(title)s"),
    # Messages after an action.
    gettext_noop(
        "The {model_name} '{object}' was successfully submitted for translation into {locales}"
    ),
    gettext_noop(
        "The page '{page_title}' was successfully submitted for translation into {locales}"
    ),
    gettext_noop("Published '{object}' in {locale}."),
    gettext_noop("Published '{object}' in {locale} with missing translations - see below."),
    gettext_noop("Successfully updated translations for '{object}'"),
    gettext_noop("Please upload a valid PO file."),
    gettext_noop("Cannot import PO file that was created for a different translation."),
    gettext_noop("Successfully imported translations from PO File."),
    ngettext_lazy("Include subtree ({} page)", "Include subtree ({} pages)"),
]
