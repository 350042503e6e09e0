// Messages of wagtail-localize's translation editor (JavaScript) whose Russian
// the project corrects in locale/ru/LC_MESSAGES/djangojs.po; see
// upstream_messages.py. Named here only so that `makemessages -d djangojs`
// keeps them; this file is not served or run.
gettext("Download PO file");
gettext("Upload PO file");
gettext("Upload translated PO file to submit translations");
gettext("Publish in ");
gettext("Translate with ");
gettext("Translate all missing strings with ");
gettext("segments translated");
gettext("Choose a %s");
