"""Who may do what where: each team works in its own site's tree and
collection only; the roles are created by an idempotent command."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.models import NewsItemPage
from tests.factories import ImageFactory
from website.roles import (
    EDITOR_PAGE_PERMISSIONS,
    MODERATOR_PAGE_PERMISSIONS,
    TEAMS,
    setup_roles,
    team_for_slug,
    translator_groups,
)
from website.structure import MISSIONS, get_or_create_collection

pytestmark = pytest.mark.django_db

KYRGYZSTAN = team_for_slug("kyrgyzstan")
KAZAKHSTAN = team_for_slug("kazakhstan")


def story_form(title, slug, **extra):
    data = {
        "title": title,
        "slug": slug,
        "date": "2025-03-01",
        "summary": "Returning migrants found work.",
        "lead_image_alt": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "body": streamfield([("paragraph", rich_text("<p>The story.</p>"))]),
        "source_url": "",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def edit_form(page, **extra):
    return story_form(extra.pop("title", page.title), page.slug, **extra)


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


def assert_refused(response):
    """A refusal: 403, or Wagtail's redirect to the dashboard with a message."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response.url in (reverse("wagtailadmin_home"), "/admin/")


# --- The command -------------------------------------------------------------------


def permissions_snapshot():
    return (
        sorted(
            GroupPagePermission.objects.values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection__name", "permission__codename"
            )
        ),
        sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        sorted(WorkflowTask.objects.values_list("workflow__name", "task__name")),
        sorted(Group.objects.values_list("name", flat=True)),
    )


def test_setup_runs_before_the_home_pages_exist(db):
    Page.get_first_root_node().get_children().delete()
    out = io.StringIO()

    call_command("setup_newsroom", stdout=out)

    names = set(Group.objects.values_list("name", flat=True))
    for team in TEAMS:
        assert {team.editors, team.moderators} <= names
    assert {
        "Translators (Russian)",
        "Translators (Kazakh)",
        "Translators (Kyrgyz)",
        "Translators (Tajik)",
        "Translators (Turkmen)",
        "Translators (Uzbek)",
    } <= names
    assert "No Kyrgyzstan home page yet" in out.getvalue()
    assert not GroupPagePermission.objects.filter(group__name=KYRGYZSTAN.editors).exists()


def test_setup_is_idempotent(site_tree):
    call_command("setup_newsroom", stdout=io.StringIO())
    first = permissions_snapshot()
    out = io.StringIO()

    call_command("setup_newsroom", stdout=out)

    assert permissions_snapshot() == first
    assert "nothing to change" in out.getvalue()


def test_page_permissions_cover_each_teams_own_tree_only(tree):
    def granted(group_name):
        return set(
            GroupPagePermission.objects.filter(group__name=group_name).values_list(
                "page_id", "permission__codename"
            )
        )

    kg = tree.kyrgyzstan.pk
    assert granted(KYRGYZSTAN.editors) == {(kg, code) for code in EDITOR_PAGE_PERMISSIONS}
    assert granted(KYRGYZSTAN.moderators) == {(kg, code) for code in MODERATOR_PAGE_PERMISSIONS}
    regional = team_for_slug("centralasia")
    assert granted(regional.editors) == {
        (tree.regional.pk, code) for code in EDITOR_PAGE_PERMISSIONS
    }
    # Missions without a home page get groups but no page permissions.
    assert granted(team_for_slug("tajikistan").editors) == set()


def test_collections_belong_to_their_teams(tree):
    for team in TEAMS:
        collection = get_or_create_collection(team.spec.collection)
        groups = set(
            GroupCollectionPermission.objects.filter(collection=collection).values_list(
                "group__name", flat=True
            )
        )
        assert groups == {team.editors, team.moderators}


def test_translators_have_no_rights_on_the_english_trees(tree):
    for name in translator_groups().values():
        group = Group.objects.get(name=name)
        assert "access_admin" in group.permissions.values_list("codename", flat=True)
        assert not group.page_permissions.filter(page__locale__language_code="en").exists()


def test_each_site_has_its_own_review_workflow(tree):
    kyrgyz = WorkflowPage.objects.get(page=tree.kyrgyzstan).workflow
    kazakh = WorkflowPage.objects.get(page=tree.kazakhstan).workflow
    regional = WorkflowPage.objects.get(page=tree.regional).workflow

    # Named in English and Russian when the catalogues are compiled
    # (tests/i18n/test_admin_languages.py).
    assert kyrgyz.name.startswith("Mission review (Kyrgyzstan)")
    assert regional.name.startswith("Regional review")
    assert kyrgyz != kazakh
    task = kyrgyz.tasks.get().specific
    assert task.name.startswith("Kyrgyzstan moderators approval")
    assert list(task.groups.values_list("name", flat=True)) == [KYRGYZSTAN.moderators]
    assert tree.kyrgyzstan_stories[0].get_workflow() == kyrgyz


def test_setup_keeps_a_workflow_an_administrator_chose(tree):
    other = Workflow.objects.create(name="Legal review")
    WorkflowPage.objects.filter(page=tree.kyrgyzstan).update(workflow=other)

    setup_roles()

    assert WorkflowPage.objects.get(page=tree.kyrgyzstan).workflow == other


# --- Demo team ----------------------------------------------------------------------------


def test_demo_team_refuses_without_debug(tree, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_demo_team", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="kyrgyzstan-editor").exists()


def test_demo_team_prints_a_generated_password_once(tree, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.delenv("DEMO_TEAM_PASSWORD", raising=False)
    out = io.StringIO()

    call_command("create_demo_team", stdout=out)

    users = get_user_model().objects.filter(
        username__endswith=("-editor")
    ) | get_user_model().objects.filter(username__endswith="-moderator")
    assert users.count() == 2 * (len(MISSIONS) + 1)
    editor = get_user_model().objects.get(username="kyrgyzstan-editor")
    assert list(editor.groups.values_list("name", flat=True)) == [KYRGYZSTAN.editors]
    assert get_user_model().objects.get(username="regional-moderator").groups.get().name == (
        "Regional moderators"
    )
    password = out.getvalue().split("(shown once): ")[1].split()[0]
    assert editor.check_password(password)
    # One translator per target language, in that language's translators' group.
    translator = get_user_model().objects.get(username="kyrgyz-translator")
    assert list(translator.groups.values_list("name", flat=True)) == ["Translators (Kyrgyz)"]
    assert translator.check_password(password)
    assert get_user_model().objects.filter(username__endswith="-translator").count() == 6

    again = io.StringIO()
    call_command("create_demo_team", stdout=again)
    assert password not in again.getvalue()
    assert "shown once" not in again.getvalue()
    editor.refresh_from_db()
    assert editor.check_password(password)


def test_demo_team_uses_the_password_from_the_environment(tree, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_TEAM_PASSWORD", "a-demo-password-from-env")
    existing = get_user_model().objects.create_user("kazakhstan-moderator", password="kept")
    out = io.StringIO()

    call_command("create_demo_team", stdout=out)

    assert "a-demo-password-from-env" not in out.getvalue()
    assert (
        get_user_model()
        .objects.get(username="kyrgyzstan-editor")
        .check_password("a-demo-password-from-env")
    )
    existing.refresh_from_db()
    assert existing.check_password("kept")
    assert existing.groups.filter(name=KAZAKHSTAN.moderators).exists()


# --- A team in its own tree ---------------------------------------------------------------


def test_kyrgyz_editor_can_create_a_story_in_the_kyrgyz_newsroom(tree, kyrgyz_editor, client):
    client.force_login(kyrgyz_editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("newsroom", "newsitempage", tree.kyrgyzstan_news.pk)
    )

    response = client.post(url, story_form("Jobs fair in Osh", "jobs-fair-in-osh"))

    assert response.status_code == 302, messages_of(response)
    story = NewsItemPage.objects.get(slug="jobs-fair-in-osh")
    assert story.get_parent().pk == tree.kyrgyzstan_news.pk
    assert not story.live  # a draft until a moderator publishes it


def test_kyrgyz_editor_can_edit_a_kyrgyz_story(tree, kyrgyz_editor, client):
    story = tree.kyrgyzstan_stories[0]
    client.force_login(kyrgyz_editor)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        edit_form(story, title="A better title"),
    )

    assert response.status_code == 302, messages_of(response)
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().title == "A better title"
    assert story.title == "Kyrgyzstan story 1"  # the live version is unchanged


def test_kyrgyz_editor_cannot_publish_without_approval(tree, kyrgyz_editor, client):
    story = tree.kyrgyzstan_stories[0]
    client.force_login(kyrgyz_editor)

    client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        edit_form(story, title="Published by an editor?", **{"action-publish": "publish"}),
    )

    story.refresh_from_db()
    assert story.title == "Kyrgyzstan story 1"
    assert not story.permissions_for_user(kyrgyz_editor).can_publish()


def test_kyrgyz_moderator_can_publish_in_the_kyrgyz_tree(tree, kyrgyz_moderator, client):
    story = tree.kyrgyzstan_stories[0]
    client.force_login(kyrgyz_moderator)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        edit_form(story, title="Published by the moderator", **{"action-publish": "publish"}),
    )

    assert response.status_code == 302, messages_of(response)
    story.refresh_from_db()
    assert story.title == "Published by the moderator"


# --- … and refused in another's -----------------------------------------------------------


def test_kyrgyz_editor_cannot_edit_a_kazakh_story(tree, kyrgyz_editor, client):
    story = tree.kazakhstan_stories[0]
    revisions = story.revisions.count()
    client.force_login(kyrgyz_editor)
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))

    assert_refused(client.get(url))
    assert_refused(client.post(url, edit_form(story, title="Edited from Bishkek")))

    story.refresh_from_db()
    assert story.title == "Kazakhstan story 1"
    assert story.revisions.count() == revisions


def test_kyrgyz_moderator_cannot_publish_a_kazakh_story(tree, kyrgyz_moderator, client):
    story = tree.kazakhstan_stories[0]
    client.force_login(kyrgyz_moderator)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        edit_form(story, title="Published from Bishkek", **{"action-publish": "publish"}),
    )
    assert_refused(response)
    assert_refused(client.post(reverse("wagtailadmin_pages:unpublish", args=(story.pk,))))

    story.refresh_from_db()
    assert story.title == "Kazakhstan story 1"
    assert story.live


def test_kyrgyz_editor_cannot_create_in_the_kazakh_newsroom(tree, kyrgyz_editor, client):
    client.force_login(kyrgyz_editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("newsroom", "newsitempage", tree.kazakhstan_news.pk)
    )

    assert_refused(client.post(url, story_form("Planted story", "planted-story")))
    assert not NewsItemPage.objects.filter(slug="planted-story").exists()


def test_kyrgyz_moderator_cannot_delete_a_kazakh_story(tree, kyrgyz_moderator, client):
    story = tree.kazakhstan_stories[0]
    client.force_login(kyrgyz_moderator)

    assert_refused(client.post(reverse("wagtailadmin_pages:delete", args=(story.pk,))))

    assert NewsItemPage.objects.filter(pk=story.pk).exists()


def test_moderator_can_delete_in_own_tree(tree, kyrgyz_moderator, client):
    story = tree.kyrgyzstan_stories[1]
    client.force_login(kyrgyz_moderator)

    response = client.post(reverse("wagtailadmin_pages:delete", args=(story.pk,)))

    assert response.status_code == 302
    assert not NewsItemPage.objects.filter(pk=story.pk).exists()


def test_kyrgyz_moderator_cannot_move_stories_across_missions(tree, kyrgyz_moderator, client):
    kazakh_story = tree.kazakhstan_stories[0]
    kyrgyz_story = tree.kyrgyzstan_stories[0]
    client.force_login(kyrgyz_moderator)

    # A Kazakh story into the Kyrgyz newsroom, and a Kyrgyz story into the Kazakh one.
    for story, destination in [
        (kazakh_story, tree.kyrgyzstan_news),
        (kyrgyz_story, tree.kazakhstan_news),
    ]:
        url = reverse("wagtailadmin_pages:move_confirm", args=(story.pk, destination.pk))
        assert_refused(client.post(url))
        story.refresh_from_db()
        assert story.get_parent().pk != destination.pk


def test_kyrgyz_moderator_cannot_copy_into_the_kazakh_newsroom(tree, kyrgyz_moderator, client):
    story = tree.kyrgyzstan_stories[0]
    client.force_login(kyrgyz_moderator)
    before = tree.kazakhstan_news.get_children().count()

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(story.pk,)),
        {
            "new_title": "Copied story",
            "new_slug": "copied-story",
            "new_parent_page": str(tree.kazakhstan_news.pk),
            "publish_copies": "on",
        },
    )

    assert response.status_code in (200, 302, 403)
    assert tree.kazakhstan_news.get_children().count() == before
    assert not Page.objects.filter(slug="copied-story").exists()
    # Nor copy a Kazakh story at all: copying needs the right to edit it.
    kazakh = tree.kazakhstan_stories[0]
    assert_refused(
        client.post(
            reverse("wagtailadmin_pages:copy", args=(kazakh.pk,)),
            {
                "new_title": "Copied Kazakh story",
                "new_slug": "copied-kazakh-story",
                "new_parent_page": str(tree.kyrgyzstan_news.pk),
            },
        )
    )
    assert not Page.objects.filter(slug="copied-kazakh-story").exists()


def test_moderator_can_copy_within_own_newsroom(tree, kyrgyz_moderator, client):
    story = tree.kyrgyzstan_stories[0]
    client.force_login(kyrgyz_moderator)

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(story.pk,)),
        {
            "new_title": "Copied story",
            "new_slug": "copied-story",
            "new_parent_page": str(tree.kyrgyzstan_news.pk),
        },
    )

    assert response.status_code == 302
    assert Page.objects.get(slug="copied-story").get_parent().pk == tree.kyrgyzstan_news.pk


# --- Collections ----------------------------------------------------------------------------


def upload(client, collection, title):
    image = ImageFactory.build()
    image.file.seek(0)
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "collection": str(collection.pk),
            "file": SimpleUploadedFile("photo.jpg", image.file.read(), content_type="image/jpeg"),
        },
    )


def test_kyrgyz_editor_uploads_images_to_the_kyrgyz_collection_only(tree, kyrgyz_editor, client):
    client.force_login(kyrgyz_editor)
    Image = get_image_model()
    kyrgyz = get_or_create_collection(KYRGYZSTAN.spec.collection)
    kazakh = get_or_create_collection(KAZAKHSTAN.spec.collection)

    # Wagtail offers an editor only the collections they may add to; with one,
    # the choice is not even shown and a posted collection is not used.
    upload(client, kazakh, "Into Kazakhstan")
    assert not Image.objects.filter(collection=kazakh).exists()
    assert set(
        Image.objects.filter(title="Into Kazakhstan").values_list("collection", flat=True)
    ) <= {kyrgyz.pk}

    response = upload(client, kyrgyz, "Into Kyrgyzstan")
    assert response.status_code == 302, response.context["form"].errors
    assert Image.objects.get(title="Into Kyrgyzstan").collection == kyrgyz


def test_kyrgyz_editor_cannot_edit_a_kazakh_image(tree, kyrgyz_editor, client):
    kazakh = get_or_create_collection(KAZAKHSTAN.spec.collection)
    image = ImageFactory(collection=kazakh, title="Astana office")
    client.force_login(kyrgyz_editor)

    response = client.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {"title": "Renamed from Bishkek", "collection": str(kazakh.pk)},
    )

    assert_refused(response)
    image.refresh_from_db()
    assert image.title == "Astana office"


# --- Choosing stories of every mission --------------------------------------------------------


def test_regional_editor_can_choose_but_not_edit_mission_stories(tree, regional_editor, client):
    story = tree.kazakhstan_stories[0]
    client.force_login(regional_editor)

    response = client.get(
        reverse("wagtailadmin_choose_page_child", args=(tree.kazakhstan_news.pk,)),
        {"page_type": "newsroom.newsitempage"},
    )

    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert_refused(client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))))


def test_regional_editor_composes_a_report_issue_with_mission_stories(
    tree, regional_editor, client
):
    kazakh, kyrgyz = tree.kazakhstan_stories[0], tree.kyrgyzstan_stories[1]
    client.force_login(regional_editor)
    section = {
        "heading": "Direct assistance",
        "intro": rich_text(""),
        "stories": {
            "count": "2",
            **{
                str(n): {"value": str(story.pk), "deleted": "", "order": str(n), "id": ""}
                for n, story in enumerate([kazakh, kyrgyz])
            },
        },
        "publications": {"count": "0"},
        "text": rich_text(""),
    }
    data = nested_form_data(
        {
            "title": "Issue 9",
            "slug": "issue-9",
            "issue_number": "9",
            "publication_date": "2025-06-30",
            "cover_image_alt": "",
            "summary": "What the missions did this quarter.",
            "sections": streamfield([("section", section)]),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )

    response = client.post(
        reverse(
            "wagtailadmin_pages:add",
            args=("newsroom", "reportissuepage", tree.report_index.pk),
        ),
        data,
    )

    assert response.status_code == 302, response.context and response.context["form"].errors
    issue = Page.objects.get(slug="issue-9").specific.get_latest_revision_as_object()
    chosen = [story.pk for story in issue.sections[0].value["stories"]]
    assert chosen == [kazakh.pk, kyrgyz.pk]


def test_teams_work_on_the_translations_of_their_site(tree, kyrgyz_editor):
    from wagtail.models import Locale

    russian = Locale.objects.get(language_code="ru")
    home = tree.kyrgyzstan.copy_for_translation(russian)
    news = tree.kyrgyzstan_news.copy_for_translation(russian)
    kazakh_home = tree.kazakhstan.copy_for_translation(russian)

    setup_roles()

    assert news.permissions_for_user(kyrgyz_editor).can_add_subpage()
    assert home.permissions_for_user(kyrgyz_editor).can_edit()
    assert not kazakh_home.permissions_for_user(kyrgyz_editor).can_edit()
    assert WorkflowPage.objects.get(page=home).workflow.name.startswith(
        "Mission review (Kyrgyzstan)"
    )
