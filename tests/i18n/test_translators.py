"""Translators translate into their language and publish those translations;
they cannot edit the English source or another language. Translations start
from English only."""

from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from newsroom.models import NewsItemPage, Topic
from tests.factories import NewsItemPageFactory, TopicFactory
from tests.i18n.conftest import localize
from website.roles import setup_roles

pytestmark = pytest.mark.django_db


def _translate(site_tree):
    story = site_tree.regional_story
    kyrgyz_story = site_tree.kyrgyzstan_stories[0]
    result = {
        "story": story,
        "russian": localize(story, "ru", {"Regional story": "Региональная история"}),
        "kyrgyz_story": kyrgyz_story,
        "kyrgyz": localize(kyrgyz_story, "ky"),
        "topic": site_tree.topic,
        "russian_topic": localize(
            site_tree.topic, "ru", {"Counter-trafficking": "Противодействие"}
        ),
    }
    setup_roles()
    return result


@pytest.fixture(scope="module")
def site_tree_additions():
    """The translations and roles are added to the module's shared tree, once."""
    return _translate


@pytest.fixture
def translated(site_tree, site_tree_added):
    """The regional story in Russian, a Kyrgyzstan story in Kyrgyz, the topic
    in Russian; then the roles set up (translators get the home pages in
    their language)."""
    return site_tree_added


@pytest.fixture
def russian_translator(translated, make_translator, client):
    client.force_login(make_translator("ru"))
    return client


def edit(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def refused(response):
    """Wagtail's answer to a missing permission: back to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def put_string(client, translation, english, text):
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )


def translation_of(page, language_code):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language_code
    )


# --- Grant ---------------------------------------------------------------------------


def test_russian_translator_edits_and_publishes_the_russian_page(
    translated, russian_translator, django_capture_on_commit_callbacks
):
    russian = translated["russian"]
    record = translation_of(translated["story"], "ru")

    opened = edit(russian_translator, russian)
    changed = put_string(russian_translator, record, "Regional story", "Новости региона")
    with django_capture_on_commit_callbacks(execute=True):
        published = russian_translator.post(
            reverse("wagtailadmin_pages:edit", args=[russian.pk]), {"action": "publish"}
        )

    assert opened.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in opened.templates]
    assert changed.status_code == 200
    assert published.status_code == 302
    russian.refresh_from_db()
    assert (russian.title, russian.live, russian.has_unpublished_changes) == (
        "Новости региона",
        True,
        False,
    )


def test_russian_translator_exports_and_imports_the_russian_po_file(translated, russian_translator):
    record = translation_of(translated["story"], "ru")

    download = russian_translator.get(reverse("wagtail_localize:download_pofile", args=[record.pk]))

    assert download.status_code == 200


def test_russian_translator_translates_a_topic_into_russian(translated, russian_translator):
    url = reverse("wagtailsnippets_newsroom_topic:edit", args=[translated["russian_topic"].pk])

    assert russian_translator.get(url).status_code == 200


def test_russian_translator_starts_the_russian_translation_of_a_new_english_story(
    site_tree, translated, russian_translator
):
    story = NewsItemPageFactory(parent=site_tree.regional_news, title="New English story")
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    russian, kyrgyz = (Locale.objects.get(language_code=code) for code in ("ru", "ky"))

    offered = list(russian_translator.get(url).context["form"].fields["locales"].queryset)
    into_kyrgyz = russian_translator.post(url, {"locales": [kyrgyz.pk]})
    into_russian = russian_translator.post(url, {"locales": [russian.pk]})

    assert offered == [russian]
    assert into_kyrgyz.status_code == 200  # the form again: not a choice
    assert story.get_translation_or_none(kyrgyz) is None
    assert into_russian.status_code == 302
    translated_story = story.get_translation(russian)
    assert edit(russian_translator, translated_story).status_code == 200


def test_translators_dashboard_lists_english_pages_waiting_for_their_language(
    site_tree, translated, russian_translator
):
    story = NewsItemPageFactory(parent=site_tree.regional_news, title="Waiting for Russian")

    dashboard = russian_translator.get(reverse("wagtailadmin_home"))

    assert dashboard.status_code == 200
    submit = reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    assert f'href="{submit}?select_locale=ru' in dashboard.content.decode()


def test_translators_publish_directly_without_the_sites_review_workflow(
    translated, russian_translator, django_capture_on_commit_callbacks
):
    """The Russian regional home has the regional review workflow (the team's);
    the translation editor publishes without it."""
    russian = translated["russian"]
    page = Page.objects.get(pk=russian.pk)
    assert page.get_workflow() is not None

    with django_capture_on_commit_callbacks(execute=True):
        russian_translator.post(
            reverse("wagtailadmin_pages:edit", args=[russian.pk]), {"action": "publish"}
        )

    page.refresh_from_db()
    assert page.live and page.current_workflow_state is None


# --- Denial --------------------------------------------------------------------------


def test_russian_translator_cannot_edit_the_english_source(translated, russian_translator):
    story = translated["story"]

    opened = edit(russian_translator, story)
    posted = russian_translator.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        {"title": "Changed", "action-publish": "1"},
    )

    assert refused(opened) and refused(posted)
    assert NewsItemPage.objects.get(pk=story.pk).title == "Regional story"


def test_russian_translator_cannot_edit_or_publish_the_kyrgyz_page(translated, russian_translator):
    kyrgyz = translated["kyrgyz"]
    record = translation_of(translated["kyrgyz_story"], "ky")
    before = kyrgyz.title

    opened = edit(russian_translator, kyrgyz)
    published = russian_translator.post(
        reverse("wagtailadmin_pages:edit", args=[kyrgyz.pk]), {"action": "publish"}
    )
    changed = put_string(russian_translator, record, "Kyrgyzstan story 1", "Орусча")
    uploaded = russian_translator.post(
        reverse("wagtail_localize:upload_pofile", args=[record.pk]),
        {"file": SimpleUploadedFile("ky.po", str(record.export_po()).encode())},
    )

    assert refused(opened) and refused(published)
    assert changed.status_code == 403
    assert refused(uploaded)
    kyrgyz.refresh_from_db()
    assert kyrgyz.title == before


def test_russian_translator_cannot_edit_the_english_topic(translated, russian_translator):
    url = reverse("wagtailsnippets_newsroom_topic:edit", args=[translated["topic"].pk])

    response = russian_translator.post(url, {"name": "Changed", "slug": "counter-trafficking"})

    assert refused(response)
    assert Topic.objects.get(pk=translated["topic"].pk).name == "Counter-trafficking"


def test_translator_syncing_english_changes_cannot_publish_other_languages(
    translated, russian_translator
):
    story = translated["story"]
    kyrgyz_home = translated["kyrgyz"]
    record = translation_of(story, "ru")
    url = reverse("wagtail_localize:update_translations", args=[record.source_id])

    form = russian_translator.get(url)

    field = form.context["form"].fields["publish_translations"]
    assert field.disabled and field.widget.is_hidden
    assert kyrgyz_home.live


# --- Translations start from English ----------------------------------------------------


def test_submit_translation_of_a_russian_page_is_refused(translated, admin_client):
    russian = translated["russian"]
    url = reverse("wagtail_localize:submit_page_translation", args=[russian.pk])
    kazakh = Locale.objects.get(language_code="kk")

    shown = admin_client.get(url)
    posted = admin_client.post(url, {"locales": [kazakh.pk]})

    english_form = reverse(
        "wagtail_localize:submit_page_translation", args=[translated["story"].pk]
    )
    assert (shown.status_code, shown["Location"]) == (302, english_form)
    assert (posted.status_code, posted["Location"]) == (302, english_form)
    assert russian.get_translation_or_none(kazakh) is None


def test_submit_translation_of_a_russian_topic_is_refused(translated, admin_client):
    russian_topic = translated["russian_topic"]
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["newsroom", "topic", russian_topic.pk],
    )

    response = admin_client.post(url, {"locales": [Locale.objects.get(language_code="kk").pk]})

    assert response.status_code == 302
    assert not Topic.objects.filter(locale__language_code="kk").exists()


def test_translate_button_is_offered_for_english_pages_only(site_tree, translated, admin_client):
    russian = translated["russian"]
    english_listing = admin_client.get(
        reverse("wagtailadmin_explore", args=[site_tree.regional_news.pk])
    ).content.decode()
    russian_listing = admin_client.get(
        reverse("wagtailadmin_explore", args=[russian.get_parent().pk])
    ).content.decode()

    english_submit = reverse(
        "wagtail_localize:submit_page_translation", args=[translated["story"].pk]
    )
    russian_submit = reverse("wagtail_localize:submit_page_translation", args=[russian.pk])
    assert english_submit in english_listing
    assert russian_submit not in russian_listing


def test_a_new_translation_starts_as_a_draft_until_the_translator_publishes_it(
    site_tree, translated, russian_translator, django_capture_on_commit_callbacks
):
    """WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False: wagtail-localize
    would otherwise publish the new Russian page at once, in English."""
    story = NewsItemPageFactory(parent=site_tree.regional_news, title="Draft first")
    russian = Locale.objects.get(language_code="ru")

    with django_capture_on_commit_callbacks(execute=True):
        russian_translator.post(
            reverse("wagtail_localize:submit_page_translation", args=[story.pk]),
            {"locales": [russian.pk]},
        )

    assert not story.get_translation(russian).live


# --- After submitting or syncing: on to the translation ---------------------------------
# wagtail-localize goes back to ``next``: for a translator, the dashboard they
# came from, with no link to the draft they just made.

DASHBOARD = reverse("wagtailadmin_home")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_submitting_from_the_dashboard_leads_to_the_new_draft(
    site_tree, translated, russian_translator
):
    story = NewsItemPageFactory(parent=site_tree.regional_news, title="New English story")
    russian = Locale.objects.get(language_code="ru")
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])

    # The dashboard's "Translate into Русский" button comes back to it with ?next=.
    response = russian_translator.post(f"{url}?next={DASHBOARD}", {"locales": [russian.pk]})

    draft = story.get_translation(russian)
    assert response.status_code == 302
    assert response["Location"] == edit_url(draft)
    assert any("submitted for translation" in message for message in messages_of(response))
    assert russian_translator.get(response["Location"]).status_code == 200


def test_syncing_from_the_dashboard_leads_to_the_translation(translated, russian_translator):
    record = translation_of(translated["story"], "ru")
    url = reverse("wagtail_localize:update_translations", args=[record.source_id])

    response = russian_translator.post(f"{url}?next={DASHBOARD}", {})

    assert response.status_code == 302
    assert response["Location"] == edit_url(translated["russian"])
    assert any("updated translations" in message for message in messages_of(response))


def test_submitting_a_topic_leads_to_its_translation(translated, russian_translator):
    topic = TopicFactory(name="Climate and migration")
    russian = Locale.objects.get(language_code="ru")
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["newsroom", "topic", topic.pk]
    )
    listing = reverse("wagtailsnippets_newsroom_topic:list")

    response = russian_translator.post(f"{url}?next={listing}", {"locales": [russian.pk]})

    russian_topic = topic.get_translation(russian)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailsnippets_newsroom_topic:edit", args=[russian_topic.pk]
    )


def test_submitting_into_several_languages_links_each_draft(site_tree, translated, admin_client):
    story = NewsItemPageFactory(parent=site_tree.regional_news, title="For everyone")
    russian, kyrgyz = (Locale.objects.get(language_code=code) for code in ("ru", "ky"))
    url = reverse("wagtail_localize:submit_page_translation", args=[story.pk])

    response = admin_client.post(f"{url}?next={DASHBOARD}", {"locales": [russian.pk, kyrgyz.pk]})

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    [offer] = [m for m in messages_of(response) if "Open a translation" in m]
    for locale in (russian, kyrgyz):
        assert f'href="{edit_url(story.get_translation(locale))}"' in offer
