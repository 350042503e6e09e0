"""The admin speaks its users' languages: every label of the project's forms
is translated, the account offers the project's seven languages, Kazakh,
Kyrgyz, Tajik, Turkmen and Uzbek speakers get Russian (not English) where
Wagtail has no words of theirs, and the project corrects wagtail-localize's
Russian where it is wrong."""

import json
import re
from pathlib import Path

import polib
import pytest
import wagtail_localize
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from tests.i18n.conftest import localize
from tests.i18n.test_interface import LOCALE_PATH, TARGET_LANGUAGES, catalogue
from website.roles import setup_roles, team_for_slug

pytestmark = pytest.mark.django_db

PROJECT_APPS = ["website", "newsroom", "missions", "search", "subscriptions"]


def admin_user(language_code, username=None):
    """A superuser whose admin language (Account → Preferences) is this one."""
    username = username or f"admin-{language_code}"
    user = get_user_model().objects.create_superuser(
        username, f"{username}@example.org", "unused-in-tests"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language_code
    profile.save()
    return user


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def field_labels(soup):
    """The labels of the form's fields and the headings of its panels (a
    stream field or a list of checkboxes is labelled by its panel heading),
    without the required mark."""
    texts = [element.get_text(" ", strip=True) for element in soup.select("form label, form h2")]
    return {text.rstrip("*").strip() for text in texts}


def block_labels(soup):
    """Every label in the definitions of the form's stream fields (the
    editor's block menus and the fields of each block)."""
    labels = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "label" and isinstance(item, str):
                    labels.add(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for element in soup.select("[data-w-block-data-value]"):
        walk(json.loads(element["data-w-block-data-value"]))
    return labels


def js_catalogue(response):
    """{msgid: translation} of a JavaScript catalogue (Django's JavaScriptCatalog)."""
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.S)
    return json.loads(found.group(1))


def test_story_edit_form_is_russian_for_a_russian_speaking_user(
    site_tree, client, interface_translations
):
    client.force_login(admin_user("ru"))

    soup = edit_form(client, site_tree.kyrgyzstan_stories[0])

    labels = field_labels(soup)
    assert {
        "Дата",
        "Краткое содержание",
        "Главное изображение",
        "Альтернативный текст главного изображения",
        "Подпись к главному изображению",
        "Автор главного изображения",
        "Текст",
        "Темы",
        "Также на сайтах",
        "Адрес источника",
    } <= labels
    english = {"Date", "Summary", "Body", "Topics", "Shared with", "Source url", "Source URL"}
    assert not labels & english
    assert not {label for label in labels if label.startswith("Lead image")}
    # The body's blocks and their fields: key figures, quote, hotline call-out.
    in_blocks = block_labels(soup)
    assert {"Ключевые цифры", "Число", "Пояснение", "Цитата", "Автор цитаты", "Номер"} <= in_blocks
    assert not in_blocks & {"Figure", "Label", "Number", "Quote", "Attribution", "Alt text"}


def test_report_issue_labels_are_proper_words(site_tree, client, interface_translations):
    client.force_login(admin_user("en"))

    labels = field_labels(edit_form(client, site_tree.issue))

    assert {"PDF", "Cover picture", "Cover picture alt text", "Issue number"} <= labels
    assert "Pdf" not in labels
    english_story = field_labels(edit_form(client, site_tree.kyrgyzstan_stories[0]))
    assert "Source URL" in english_story
    assert "Source url" not in english_story


def _project_fields():
    """(model, field) for every field the project's models declare (not
    Wagtail's own: a page's title, a translatable model's locale)."""
    for app_label in PROJECT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.local_fields + model._meta.local_many_to_many:
                if field.auto_created or getattr(field, "parent_link", False):
                    continue
                if any(
                    field.name in {f.name for f in base._meta.fields}
                    for base in model.__mro__[1:]
                    if issubclass(base, models.Model) and hasattr(base, "_meta")
                ):
                    continue
                yield model, field


def _block_labels(block, path):
    """(path, label) of every child of a struct block, list or stream, at any depth."""
    children = dict(getattr(block, "child_blocks", {}))
    if isinstance(block, blocks.ListBlock):
        children["item"] = block.child_block
    for name, child in children.items():
        yield f"{path}.{name}", child.meta.label if hasattr(child.meta, "label") else child.label
        yield from _block_labels(child, f"{path}.{name}")


def _panel_headings(panels, path):
    """(path, heading) of the panels the project declares with a heading of
    their own (a field's panel is labelled by the field)."""
    for panel in panels:
        heading = getattr(panel, "heading", "") or getattr(panel, "label", "")
        if heading:
            yield f"{path} panel", heading
        yield from _panel_headings(getattr(panel, "children", []), path)


def _admin_labels():
    """(where, label) of every field, block field and panel heading of the
    project's models."""
    for model, field in _project_fields():
        yield f"{model.__name__}.{field.name}", field.verbose_name
        if isinstance(field, StreamField):
            yield from _block_labels(field.stream_block, f"{model.__name__}.{field.name}")
    for app_label in PROJECT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            own = [
                panel
                for attribute in ("content_panels", "panels")
                for panel in model.__dict__.get(attribute, [])
            ]
            yield from _panel_headings(own, model.__name__)


def _msgid(label):
    with translation.override("en"):
        return str(label)


def test_every_field_block_field_and_panel_has_a_translatable_label():
    not_translatable = [where for where, label in _admin_labels() if not isinstance(label, Promise)]

    assert not_translatable == []


@pytest.mark.parametrize("language_code", TARGET_LANGUAGES)
def test_every_admin_label_is_translated(language_code):
    translated = {entry.msgid for entry in catalogue(language_code).translated_entries()}

    missing = [
        f"{where}: {_msgid(label)!r}"
        for where, label in _admin_labels()
        if isinstance(label, Promise) and _msgid(label) not in translated
    ]

    assert missing == []


# --- Kazakh, Kyrgyz, Tajik, Turkmen and Uzbek speakers ------------------------------


def test_account_offers_the_projects_languages(client):
    client.force_login(admin_user("en"))

    response = client.get(reverse("wagtailadmin_account"))

    soup = BeautifulSoup(response.content, "html.parser")
    select = soup.find("select", attrs={"name": "locale-preferred_language"})
    offered = {option["value"] for option in select.find_all("option")} - {""}
    assert offered == {"en", "ru", "kk", "ky", "tg", "tk", "uz"}


def test_kyrgyz_user_sees_kyrgyz_labels_and_russian_wagtail(
    site_tree, client, interface_translations
):
    client.force_login(admin_user("ky"))

    soup = edit_form(client, site_tree.kyrgyzstan_stories[0])

    kyrgyz = {entry.msgid: entry.msgstr for entry in catalogue("ky").translated_entries()}
    labels = field_labels(soup)
    # The project's words, in Kyrgyz.
    assert {kyrgyz["date"].capitalize(), kyrgyz["source URL"].capitalize()} <= labels
    assert kyrgyz["Who took the photo, e.g. '© IOM'."] in soup.get_text(" ", strip=True)
    # Wagtail's own words, which have no Kyrgyz: Russian, not English.
    text = soup.get_text(" ", strip=True)
    assert "Продвижение" in text and "Promote" not in text
    assert "Сохранить черновик" in text and "Save draft" not in text
    # Django's Kyrgyz is kept where it exists.
    with translation.override("ky"):
        assert translation.gettext("This field is required.") == "Бул талаа керектүү."


def test_kyrgyz_users_javascript_strings_fall_back_to_russian(client, interface_translations):
    client.force_login(admin_user("ky"))

    response = client.get(reverse("wagtailadmin_javascript_catalog"))

    # Wagtail's admin JavaScript, which has no Kyrgyz.
    assert js_catalogue(response)["Close"] == "Закрыть"


def test_a_fallback_cannot_have_a_fallback(settings):
    settings.TRANSLATION_FALLBACKS = {"ky": "kk", "kk": "ru"}
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)  # Django forgets its translations

    with pytest.raises(ImproperlyConfigured), translation.override("ky"):
        translation.gettext("Save draft")


def test_english_stays_english(client, interface_translations):
    with translation.override("en"):
        assert translation.gettext("Save draft") == "Save draft"
    with translation.override("de"):
        # A language without a fallback keeps Django's: its own words, else English.
        assert translation.gettext("Save draft") == "Entwurf speichern"


# --- wagtail-localize's Russian, corrected -------------------------------------------


def test_project_catalogue_corrects_wagtail_localize_russian(
    site_tree, client, interface_translations
):
    upstream = polib.pofile(
        str(Path(wagtail_localize.__file__).parent / "locale/ru/LC_MESSAGES/djangojs.po")
    )
    # wagtail-localize says "Загрузить PO файл" for both download and upload.
    assert upstream.find("Download PO file").msgstr == upstream.find("Upload PO file").msgstr
    client.force_login(admin_user("ru"))

    response = client.get(reverse("wagtail_localize:javascript_catalog"))

    strings = js_catalogue(response)
    assert strings["Download PO file"] == "Скачать PO-файл"
    assert strings["Upload PO file"] == "Загрузить PO-файл"


@pytest.mark.parametrize("language_code", ["ru", "ky"])
def test_translation_editor_comment_is_corrected(site_tree, interface_translations, language_code):
    localize(site_tree.regional_story, "ru")
    string_translation = StringTranslation.objects.filter(locale__language_code="ru").first()

    with translation.override(language_code):
        comment = string_translation.get_comment()

    assert comment.startswith("Переведено вручную: ")
    assert "в ручную" not in comment


def test_project_catalogue_comes_first(settings):
    assert LOCALE_PATH == settings.LOCALE_PATHS[0]


# --- Workflow names ---------------------------------------------------------------


def test_workflows_and_tasks_are_named_in_english_and_russian(
    roles, site_tree, interface_translations
):
    roles()
    kyrgyz = WorkflowPage.objects.get(page=site_tree.kyrgyzstan).workflow
    regional = WorkflowPage.objects.get(page=site_tree.regional).workflow

    assert kyrgyz.name == "Mission review (Kyrgyzstan) / Проверка представительства (Кыргызстан)"
    assert regional.name == "Regional review / Региональная проверка"
    assert kyrgyz.tasks.get().name == (
        "Kyrgyzstan moderators approval / Утверждение модераторами (Кыргызстан)"
    )


def test_setup_renames_the_english_workflows_it_made(roles, site_tree, interface_translations):
    """A database set up before the names were translated keeps its workflows
    (and their pages, states and history), renamed."""
    team = team_for_slug("kyrgyzstan")
    task = GroupApprovalTask.objects.create(name="Kyrgyzstan moderators approval")
    workflow = Workflow.objects.create(name="Mission review (Kyrgyzstan)")
    workflow.workflow_tasks.create(task=task, sort_order=0)

    roles()

    workflow.refresh_from_db()
    task.refresh_from_db()
    assert workflow.name == team.workflow
    assert "Проверка представительства (Кыргызстан)" in workflow.name
    assert task.name == team.approval_task
    assert Workflow.objects.filter(name__startswith="Mission review (Kyrgyzstan)").count() == 1
    assert WorkflowPage.objects.get(page=site_tree.kyrgyzstan).workflow == workflow
    assert setup_roles() == 0


def test_russian_moderator_reads_the_workflow_in_russian(
    roles, site_tree, client, interface_translations
):
    roles()
    story = site_tree.kyrgyzstan_stories[0]
    editor = admin_user("en", "kyrgyz-editor")
    story.save_revision(user=editor)
    story.get_workflow().start(story, editor)
    client.force_login(admin_user("ru", "kyrgyz-moderator"))

    text = edit_form(client, story).get_text(" ", strip=True)

    # The status panel: "Отправлено в <task>".
    assert "Kyrgyzstan moderators approval / Утверждение модераторами (Кыргызстан)" in text
