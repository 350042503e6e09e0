"""The translation overview: each site x language, live, missing and out of
date pages, for moderators and administrators; translators' dashboard panel
limited to the sites whose languages include theirs."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.i18n.conftest import localize
from website.sites import SiteLanguages
from website.translation_overview import overview

pytestmark = pytest.mark.django_db


@pytest.fixture
def kyrgyz_translations(site_tree):
    """The Kyrgyzstan site in "ky, ru, en": its two stories (with the home and
    the newsroom) in Kyrgyz; then story 1 rewritten in English (a translatable
    field) and story 2 redated (a synchronised one)."""
    SiteLanguages.objects.create(site=site_tree.kyrgyzstan_site, languages="ky, ru, en")
    first, second = site_tree.kyrgyzstan_stories
    localize(first, "ky")
    localize(second, "ky")
    first.summary = "A new summary."
    first.save_revision().publish()
    second.date = datetime.date(2020, 1, 1)
    second.save_revision().publish()
    return site_tree


def kyrgyz_state(states, site):
    [site_state] = [state for state in states if state.site.pk == site.pk]
    return {language.code: language for language in site_state.languages}


def test_counts_live_missing_and_out_of_date(kyrgyz_translations):
    tree = kyrgyz_translations
    languages = kyrgyz_state(overview(), tree.kyrgyzstan_site)

    assert list(languages) == ["ky", "ru"]
    kyrgyz = languages["ky"]
    # Home, newsroom and the two stories live; the photos and contact pages missing.
    assert len(kyrgyz.live) == 4
    assert len(kyrgyz.missing) == 2
    # Only the story changed in a translatable field is out of date.
    assert [page.pk for page, _translation, _source in kyrgyz.outdated] == [
        tree.kyrgyzstan_stories[0].pk
    ]
    assert len(languages["ru"].live) == 0 and len(languages["ru"].missing) == 6


def moderator(username, group_name):
    user = get_user_model().objects.create_user(username, password="x")
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def test_moderators_and_administrators_see_the_overview(kyrgyz_translations, client, admin_client):
    url = reverse("translation_overview")
    client.force_login(moderator("mod", "Kyrgyzstan moderators"))

    response = client.get(url)
    as_admin = admin_client.get(url)

    assert response.status_code == 200 and as_admin.status_code == 200
    page = response.content.decode()
    assert "Kyrgyzstan" in page and "Кыргызча" in page
    assert (
        reverse("wagtailadmin_pages:edit", args=[kyrgyz_translations.kyrgyzstan_stories[0].pk])
        in page
    )
    assert (
        "/admin/localize/update/" in page or "update_translations" in page or "sync" in page.lower()
    )


def test_editors_do_not_see_the_overview(kyrgyz_translations, client):
    client.force_login(moderator("editor", "Kyrgyzstan editors"))

    response = client.get(reverse("translation_overview"))

    assert response.status_code in (302, 403)


def test_translators_dashboard_offers_only_their_languages_sites(site_tree, client):
    from website.roles import setup_roles, translator_groups

    setup_roles()
    translator = get_user_model().objects.create_user("translator-ky", password="x")
    translator.groups.add(Group.objects.get(name=translator_groups()["ky"]))
    SiteLanguages.objects.create(site=site_tree.kyrgyzstan_site, languages="ky, ru, en")
    SiteLanguages.objects.create(site=site_tree.kazakhstan_site, languages="kk, ru, en")
    SiteLanguages.objects.create(site=site_tree.regional_site, languages="en, ru")
    client.force_login(translator)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Kyrgyzstan story 1" in page
    assert "Kazakhstan story 1" not in page
    assert "Regional story" not in page


def test_translation_is_offered_into_the_sites_languages_only(site_tree, admin_client):
    SiteLanguages.objects.create(site=site_tree.kazakhstan_site, languages="kk, ru, en")
    story = site_tree.kazakhstan_stories[0]

    response = admin_client.get(
        reverse("wagtail_localize:submit_page_translation", args=[story.pk])
    )

    offered = {
        locale.language_code for locale in response.context["form"].fields["locales"].queryset
    }
    assert offered == {"kk", "ru"}


def test_the_weekly_digest_tells_each_translators_group_what_waits(kyrgyz_translations, mailoutbox):
    from django.core.management import call_command

    from website.roles import setup_roles, translator_groups

    setup_roles()
    translator = get_user_model().objects.create_user(
        "translator-ky", email="ky@example.org", password="x"
    )
    translator.groups.add(Group.objects.get(name=translator_groups()["ky"]))

    call_command("send_translation_digest", stdout=open("/dev/null", "w"))  # noqa: SIM115

    [message] = mailoutbox
    assert message.to == ["ky@example.org"]
    # In the translators' language: 2 pages missing, 1 out of date.
    assert "Kyrgyzstan: жок — 2, эскирген — 1" in message.body
