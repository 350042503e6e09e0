"""The state of an issue's PDF on its edit page: ready (with a link), waiting,
or failed with the reason, so editors see a failure the site never shows."""

from wagtail.admin.panels import Panel


class PDFEditionPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "newsroom/pdf/admin/edition_panel.html"

        def get_context_data(self, parent_context=None):
            from newsroom.editions.models import ReportIssuePDF

            context = super().get_context_data(parent_context)
            page = self.instance
            edition = None
            if page is not None and page.pk:
                edition = ReportIssuePDF.objects.filter(page_id=page.pk).first()
            context["edition"] = edition
            context["issue"] = page
            context["pdf_url"] = page.pdf_url() if edition and edition.is_available else None
            return context
