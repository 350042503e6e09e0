"""Who may take a page down, delete, move, copy, reorder or make it private.

Wagtail's page permissions give more than the teams' table (README, "Teams,
permissions and review"): unpublishing, setting privacy and reordering come
with ``publish``, deleting with ``change`` (of a page with no live version, or
with ``publish``), moving with deleting, copying with ``change``. So a
translator, who publishes translations, could unpublish a whole site in their
language, and an editor could delete a moderator's draft. The rules below
narrow them to the table, by team:

- only the moderators of a page's site unpublish it (with or without its
  subpages), delete it, move it (within their site), reorder its subpages
  and set its privacy;
- its editors and moderators copy it (Wagtail then checks where the copy
  goes); translators never copy: pages in their language come from
  translating English ones;
- superusers may do everything.

Every page type of the project uses :class:`TeamPagePermissions`, so every
admin screen, menu and bulk action that asks Wagtail what a user may do with
a page gets these answers: the views refuse, the menus leave out. A team is a group named in ``website.structure``;
its tree is the pages below the pages its group has permissions on.
"""

from wagtail.models import GroupPagePermission, PagePermissionTester

from website.structure import MISSIONS, REGIONAL_EDITORS, REGIONAL_MODERATORS

EDITORS = "editors"
MODERATORS = "moderators"
ROLE_OF_GROUP = {
    REGIONAL_EDITORS: EDITORS,
    REGIONAL_MODERATORS: MODERATORS,
    **{spec.editors_group: EDITORS for spec in MISSIONS},
    **{spec.moderators_group: MODERATORS for spec in MISSIONS},
}
_TEAM_TREES_CACHE = "_newsroom_team_trees"


def _team_trees(user):
    """{EDITORS: paths, MODERATORS: paths}: the tree paths of the pages on
    which the user's editors' and moderators' groups have page permissions (a
    team's home pages in every locale). Kept on the user object, as Wagtail
    keeps its page permissions, so a page listing asks the database once."""
    trees = getattr(user, _TEAM_TREES_CACHE, None)
    if trees is None:
        trees = {EDITORS: set(), MODERATORS: set()}
        rows = GroupPagePermission.objects.filter(
            group__user=user, group__name__in=ROLE_OF_GROUP
        ).values_list("group__name", "page__path")
        for group_name, path in rows:
            trees[ROLE_OF_GROUP[group_name]].add(path)
        setattr(user, _TEAM_TREES_CACHE, trees)
    return trees


def _in_team_tree(user, page, roles):
    """Whether the page is in the tree of a team the user belongs to in one of
    these roles; always for an active superuser."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    trees = _team_trees(user)
    return any(page.path.startswith(path) for role in roles for path in trees[role])


def may_unpublish(user, page):
    """With or without its subpages."""
    return _in_team_tree(user, page, [MODERATORS])


def may_delete(user, page):
    return _in_team_tree(user, page, [MODERATORS])


def may_move(user, page, destination=None):
    """Within the moderators' own site."""
    return _in_team_tree(user, page, [MODERATORS]) and (
        destination is None or _in_team_tree(user, destination, [MODERATORS])
    )


def may_copy(user, page):
    return _in_team_tree(user, page, [EDITORS, MODERATORS])


def may_manage_subpages_and_privacy(user, page):
    """Reorder a page's subpages, set its privacy."""
    return _in_team_tree(user, page, [MODERATORS])


class TeamPagePermissionTester(PagePermissionTester):
    """Wagtail's answers, narrowed by the rules above."""

    def can_unpublish(self):
        return super().can_unpublish() and may_unpublish(self.user, self.page)

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and may_delete(self.user, self.page)

    def can_move(self):
        return super().can_move() and may_move(self.user, self.page)

    def can_move_to(self, destination):
        return super().can_move_to(destination) and may_move(self.user, self.page, destination)

    def can_copy(self):
        return super().can_copy() and may_copy(self.user, self.page)

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and may_manage_subpages_and_privacy(
            self.user, self.page
        )

    def can_reorder_children(self):
        return super().can_reorder_children() and may_manage_subpages_and_privacy(
            self.user, self.page
        )


class TeamPagePermissions:
    """Mixed into every page type: Wagtail asks the page what a user may do
    with it (``Page.permissions_for_user``, which casts to the specific page
    when a type overrides it)."""

    def permissions_for_user(self, user):
        return TeamPagePermissionTester(user, self)
