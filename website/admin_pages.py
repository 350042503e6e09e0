"""Wagtail's page editor views, with two changes editors asked for.

Registered as the page viewset of every page type (``website.wagtail_hooks``;
Wagtail routes each page address to the viewset registered for its model):

- Autosave on the create view makes the page only once its form is complete.
  Wagtail's autosave posts the create form in the background as a "Save
  draft", which skips the required fields: a half-filled form (a title and
  nothing else) became a draft page in the tree, left behind when the editor
  gave up. The editor's own *Save draft* still saves an incomplete page.
- Approving or rejecting from the dashboard says what happened (Wagtail's
  workflow action view redirects back without a message; the editor view,
  whose actions say so, is not this one).
- Approving from the dashboard checks the images of the revision it would
  publish, as the edit view's form does (``images.forms``): a revision using an
  image that may not be on the public site is not approved, and the modal (or
  the page the moderator came from) says which image and why.
"""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState

from images.forms import page_publication_errors


class NewsroomCreateView(CreateView):
    def post(self, request):
        if not self.expects_json_response:
            return super().post(request)
        # An autosave: validated like a publication, required fields included.
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent_page,
            for_user=request.user,
        )
        if self.form.is_valid():
            return self.form_valid(self.form)
        return self.form_invalid(self.form)


class NewsroomWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        if self.action_name == "approve":
            errors = page_publication_errors(self.task_state.revision.as_object())
            if errors:
                return self.refuse(errors)
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db(fields=["status"])
        status = self.task_state.status
        if status == TaskState.STATUS_APPROVED:
            self.confirm_approval()
        elif status == TaskState.STATUS_REJECTED:
            messages.success(
                request,
                _("Changes requested to “%(title)s”; it goes back to its author.")
                % {"title": self.title()},
            )
        return response

    def refuse(self, errors):
        """The approval refused: in the modal with the comment form, or as
        messages where the moderator came from."""
        modal = self.request.headers.get("x-requested-with") == "XMLHttpRequest"
        if modal and self.form_class and self.action_modal:
            form = self.form_class(self.request.POST)
            form.is_valid()
            for error in errors:
                form.add_error(None, error)
            return self.render_modal_form(self.request, form)
        for error in errors:
            messages.error(self.request, error)
        if modal:
            return self.render_modal_json(
                self.request, {"step": "success", "redirect": self.redirect_url}
            )
        return redirect(self.redirect_url)

    def title(self):
        return self.object.get_admin_display_title()

    def confirm_approval(self):
        page = self.object
        page.refresh_from_db()
        if page.workflow_in_progress:
            messages.success(
                self.request,
                _("“%(title)s” approved; it goes on to “%(task)s”.")
                % {"title": self.title(), "task": page.current_workflow_task.name},
            )
        elif page.live and page.live_revision_id == self.task_state.revision_id:
            url = page.get_url(self.request)
            messages.success(
                self.request,
                _("“%(title)s” approved and published.") % {"title": self.title()},
                buttons=[messages.button(url, _("View live"))] if url else None,
            )
        else:
            messages.success(self.request, _("“%(title)s” approved.") % {"title": self.title()})


class NewsroomPageViewSet(PageViewSet):
    add_view_class = NewsroomCreateView
    workflow_action_view_class = NewsroomWorkflowActionView
