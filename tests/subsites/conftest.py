"""Fixtures of the subsite tests: the teams set up on ``site_tree``, their
members, and requests for a site. Pages render through the real templates."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.utils import translation

from website.roles import setup_roles, team_for_slug


@pytest.fixture
def tree(site_tree):
    """``site_tree`` with the teams, collections and workflows set up."""
    setup_roles()
    return site_tree


def make_member(group_names, username):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="unused-in-tests"
    )
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def kyrgyz_editor(tree):
    return make_member([team_for_slug("kyrgyzstan").editors], "kyrgyzstan-editor")


@pytest.fixture
def kyrgyz_moderator(tree):
    return make_member([team_for_slug("kyrgyzstan").moderators], "kyrgyzstan-moderator")


@pytest.fixture
def kazakh_moderator(tree):
    return make_member([team_for_slug("kazakhstan").moderators], "kazakhstan-moderator")


@pytest.fixture
def regional_editor(tree):
    return make_member([team_for_slug("centralasia").editors], "regional-editor")


@pytest.fixture
def site_request():
    """``site_request(site, path="/en/", **query)``: a GET request to a site."""
    factory = RequestFactory()

    def build(site, /, path="/en/", **query):
        return factory.get(path, query, HTTP_HOST=site.hostname)

    return build


@pytest.fixture
def page_context(site_request):
    """``page_context(page, site, **query)``: the page's context for a request
    to ``site`` in the page's language."""

    def build(page, site, /, **query):
        request = site_request(site, **query)
        with translation.override(page.locale.language_code):
            return page.get_context(request)

    return build
