"""The newsroom's teams, their permissions and their review workflows.

``setup_roles()`` makes the groups, collections, page permissions and
workflows described here; ``manage.py setup_newsroom`` runs it. It is
idempotent and additive: it creates what is missing and never removes a
permission or a workflow assignment an administrator added by hand.

Teams (``website.structure`` names them):

============================  ====================================================
group                         may
============================  ====================================================
Regional editors              regional tree: add, change, copy (as a draft), lock
                              (and unlock their own lock); submit for review
Regional moderators           regional tree: add, change, copy, publish,
                              unpublish (with or without subpages), delete (with
                              subpages), move, lock, unlock; approve or reject
<Mission> editors             that mission's tree only: as regional editors
<Mission> moderators          that mission's tree only: as regional moderators
Translators (<Language>)      pages in their language, on every site: edit and
                              publish (in wagtail-localize's translation editor);
                              start translations from English into their language;
                              translate topics and footer texts into it
============================  ====================================================

Nobody else unpublishes, deletes, moves, copies or reorders a page or sets
its privacy: ``website.permissions`` narrows Wagtail's page permissions, which
give more than this table, for every page type.

Every team group has admin access and add / change / choose permissions on
images and documents in its site's collection only. A site's "tree" is its
home page (found by type, and for a mission by country) in every locale, so
translations of a mission's pages are edited by the same team; run the command
again after a home page gets a new translation. Editors' "publish" submits the
page to their site's workflow; moderators approve (which publishes) or reject
with a comment, and Wagtail e-mails the reviewers and the submitter.

Workflows and their tasks are named in English and Russian ("Mission review
(Kyrgyzstan) / Проверка представительства (Кыргызстан)"): a name is data,
shown as it is stored to every user, whatever their admin language, in the
editor's "Submit to …" button, the page's status panel, the moderators'
dashboard and the e-mails; every team reads one of the two (Kazakh, Kyrgyz,
Tajik, Turkmen and Uzbek speakers' admin falls back to Russian too). The
names come from the catalogues (``NAME_LANGUAGES``), and the command renames
the workflows and tasks it made when their names change (it finds them by
their English name). Group names stay English: the permission rules
(``website.permissions``) and the code find the teams by them, and only
administrators see them (Settings → Groups).

Any admin user may choose (link to) any page, e.g. stories of every mission in a
report issue: Wagtail's page chooser is not limited by page permissions.

Translators publish their translations themselves, without a review workflow:
wagtail-localize's translation editor has no "submit for moderation" (its
only action is "Publish", allowed by the publish permission), the English
source has already been reviewed by its site's moderators, and the translator
is the only reviewer who reads the language. Their page permissions are
``change`` and ``publish`` on the home pages *in their language* (so on every
page below them), never on the English source or another language; they have
no ``add`` permission: pages in their language come from translating English
ones. Starting a translation needs ``wagtail_localize.submit_translation``,
which wagtail-localize checks alone (no page permission, any target language);
``website.wagtail_hooks`` narrows it: translations start from English, and a
translator may only start them into their own languages. Topics and footer
texts have permissions per model, not per language: translators get
``change`` on both, and ``website.wagtail_hooks`` refuses them the edit view of
a snippet in another language. Home pages translated later get the
translators' permissions when the translation is submitted in the admin, and
from this command otherwise (e.g. after the demo content).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from missions.models import MissionHomePage
from website.models import RegionalHomePage
from website.structure import (
    MISSIONS,
    REGIONAL,
    REGIONAL_EDITORS,
    REGIONAL_MODERATORS,
    SiteSpec,
    get_or_create_collection,
    translators_group,
)

# English names of the target languages, for the translators' groups.
TRANSLATION_LANGUAGES = {
    "ru": "Russian",
    "kk": "Kazakh",
    "ky": "Kyrgyz",
    "tg": "Tajik",
    "tk": "Turkmen",
    "uz": "Uzbek",
}

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
# On the home pages in the translators' language; see the module's docstring.
TRANSLATOR_PAGE_PERMISSIONS = ("change_page", "publish_page")
# (app label, codename): global permissions of every translators' group.
TRANSLATOR_PERMISSIONS = (
    ("wagtail_localize", "submit_translation"),
    ("newsroom", "change_topic"),
    ("website", "change_footertext"),
)
MODERATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
)
# (app label, codename) on the team's collection, for editors and moderators.
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
ADMIN_ACCESS = ("wagtailadmin", "access_admin")

# The languages of the workflows' and tasks' names, joined by " / ", English
# first (the command finds what it made by the English name).
NAME_LANGUAGES = ("en", "ru")
NAME_SEPARATOR = " / "
MISSION_WORKFLOW = _("Mission review ({country})")
REGIONAL_WORKFLOW = _("Regional review")
MISSION_APPROVAL = _("{country} moderators approval")
REGIONAL_APPROVAL = _("Regional moderators approval")


def localized_name(message, **names):
    """``message`` (lazy, with ``{placeholders}`` filled from ``names``, lazy
    too) in each of ``NAME_LANGUAGES``, joined; a language that says it as
    English does (no catalogue compiled) adds nothing."""
    spelled = []
    for code in NAME_LANGUAGES:
        with translation.override(code):
            spelled.append(str(message).format(**{key: str(value) for key, value in names.items()}))
    return NAME_SEPARATOR.join(dict.fromkeys(spelled))


@dataclass(frozen=True)
class Team:
    """The editors and moderators of one site."""

    spec: SiteSpec
    editors: str
    moderators: str

    def _names(self):
        if self.spec.country:
            return (MISSION_WORKFLOW, MISSION_APPROVAL), {"country": self.spec.label}
        return (REGIONAL_WORKFLOW, REGIONAL_APPROVAL), {}

    @property
    def workflow(self):
        """The name of the site's review workflow, in ``NAME_LANGUAGES``."""
        (workflow, _task), names = self._names()
        return localized_name(workflow, **names)

    @property
    def approval_task(self):
        """The name of the moderators' approval task, in ``NAME_LANGUAGES``."""
        (_workflow, task), names = self._names()
        return localized_name(task, **names)

    @property
    def english_workflow(self):
        return self.workflow.split(NAME_SEPARATOR)[0]

    @property
    def english_approval_task(self):
        return self.approval_task.split(NAME_SEPARATOR)[0]

    def home_pages(self):
        """The site's home page in every locale it is translated into."""
        if self.spec.country:
            pages = MissionHomePage.objects.filter(country=self.spec.country)
        else:
            pages = RegionalHomePage.objects.all()
        return list(pages.order_by("path"))


REGIONAL_TEAM = Team(REGIONAL, REGIONAL_EDITORS, REGIONAL_MODERATORS)
MISSION_TEAMS = [Team(spec, spec.editors_group, spec.moderators_group) for spec in MISSIONS]
TEAMS = [REGIONAL_TEAM, *MISSION_TEAMS]


def team_for_slug(slug):
    """The team of the site with this SiteSpec slug ("centralasia", "kyrgyzstan")."""
    return next(team for team in TEAMS if team.spec.slug == slug)


def translator_groups():
    """{language code: group name} for every target language."""
    return {code: translators_group(name) for code, name in TRANSLATION_LANGUAGES.items()}


def translator_languages(user):
    """The language codes a user translates into, as a translators' group
    member; None when the user is not limited to some languages (a superuser,
    or no translators' group)."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    names = {name: code for code, name in translator_groups().items()}
    codes = {
        names[name] for name in user.groups.filter(name__in=names).values_list("name", flat=True)
    }
    return codes or None


def translator_home_pages(language_code):
    """The home pages (regional and missions) in this language."""
    pages = Page.objects.filter(
        locale__language_code=language_code,
        content_type__in=[
            ContentType.objects.get_for_model(model)
            for model in (RegionalHomePage, MissionHomePage)
        ],
    )
    return list(pages.order_by("path"))


def grant_translator_page_permissions(language_codes, log=lambda message: None):
    """Give the translators' groups of these languages (those that exist) their
    permissions on the home pages in their language. Idempotent; returns the
    number of permissions created."""
    created = 0
    groups = translator_groups()
    for code in language_codes:
        group = Group.objects.filter(name=groups.get(code)).first()
        if group is None:
            continue
        for home in translator_home_pages(code):
            for codename in TRANSLATOR_PAGE_PERMISSIONS:
                _obj, new = GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=_page_permission(codename)
                )
                if new:
                    created += 1
                    log(f"Gave {group.name!r} {codename!r} on {home.title!r} ({home.locale}).")
    return created


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    page_type = ContentType.objects.get_for_model(Page)
    return Permission.objects.get(content_type=page_type, codename=codename)


class _Setup:
    def __init__(self, log):
        self.note = log
        self.changes = 0

    def log(self, message):
        self.changes += 1
        self.note(message)

    def group(self, name):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            self.log(f"Created group {name!r}.")
        access = _permission(*ADMIN_ACCESS)
        if not group.permissions.filter(pk=access.pk).exists():
            group.permissions.add(access)
            if not created:
                self.log(f"Gave {name!r} access to the admin.")
        return group

    def translators(self, code, name):
        group = self.group(name)
        for app_label, codename in TRANSLATOR_PERMISSIONS:
            permission = _permission(app_label, codename)
            if not group.permissions.filter(pk=permission.pk).exists():
                group.permissions.add(permission)
                self.log(f"Gave {name!r} {app_label}.{codename}.")
        if not translator_home_pages(code):
            self.note(
                f"No home page in {code!r} yet: {name!r} get their page permissions once "
                "one is translated (run setup_newsroom again, or translate it in the admin)."
            )
        self.changes += grant_translator_page_permissions([code], log=self.note)

    def locales(self):
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if Locale.objects.get_or_create(language_code=code)[1]:
                self.log(f"Created locale {code!r}.")

    def collection(self, team, groups):
        collection = get_or_create_collection(team.spec.collection)
        for group in groups:
            created = [
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=collection,
                    permission=_permission(app_label, codename),
                )[1]
                for app_label, codename in COLLECTION_PERMISSIONS
            ]
            if any(created):
                self.log(
                    f"Gave {group.name!r} image and document permissions on the "
                    f"{collection.name!r} collection."
                )
        return collection

    def page_permissions(self, group, homes, codenames):
        for home in homes:
            for codename in codenames:
                _obj, created = GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=_page_permission(codename)
                )
                if created:
                    self.log(f"Gave {group.name!r} {codename!r} on {home.title!r} ({home.locale}).")

    def named(self, model, name, english):
        """The object of ``model`` this command made under ``name``, found by
        its English name (alone, or first in a localized name) and renamed
        when its name changed; created when missing."""
        found = (
            model.objects.filter(Q(name=english) | Q(name__startswith=english + NAME_SEPARATOR))
            .order_by("pk")
            .first()
        )
        if found is None:
            found = model.objects.create(name=name)
            self.log(f"Created {model._meta.verbose_name} {name!r}.")
        elif found.name != name:
            self.log(f"Renamed {model._meta.verbose_name} {found.name!r} to {name!r}.")
            found.name = name
            found.save(update_fields=["name"])
        return found

    def workflow(self, team, moderators, homes):
        task = self.named(GroupApprovalTask, team.approval_task, team.english_approval_task)
        if not task.groups.filter(pk=moderators.pk).exists():
            task.groups.add(moderators)
            self.log(f"{moderators.name!r} review {task.name!r}.")
        workflow = self.named(Workflow, team.workflow, team.english_workflow)
        if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
            self.log(f"Added {task.name!r} to {workflow.name!r}.")
        for home in homes:
            # An administrator's choice of workflow for a home page is kept.
            _obj, created = WorkflowPage.objects.get_or_create(
                page=home, defaults={"workflow": workflow}
            )
            if created:
                self.log(f"Assigned {workflow.name!r} to {home.title!r} ({home.locale}).")
        return workflow

    def team(self, team):
        editors = self.group(team.editors)
        moderators = self.group(team.moderators)
        self.collection(team, [editors, moderators])
        homes = team.home_pages()
        if not homes:
            self.note(
                f"No {team.spec.name} home page yet: page permissions and the "
                f"{team.workflow!r} workflow are skipped. Run setup_newsroom again "
                "once it exists."
            )
            return
        self.page_permissions(editors, homes, EDITOR_PAGE_PERMISSIONS)
        self.page_permissions(moderators, homes, MODERATOR_PAGE_PERMISSIONS)
        self.workflow(team, moderators, homes)


def setup_roles(log=lambda message: None):
    """Create the locales, teams, translators' groups, collections, page
    permissions and review workflows that are missing. Safe to run again.
    ``log`` receives a line per change and per step skipped; returns the
    number of changes."""
    setup = _Setup(log)
    with transaction.atomic():
        setup.locales()
        for team in TEAMS:
            setup.team(team)
        for code, name in translator_groups().items():
            setup.translators(code, name)
    return setup.changes
