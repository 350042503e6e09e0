"""The PDF edition of report issues.

For every live ReportIssuePage, in each language it is translated into (each
translation is its own page), a PDF is made from the same content with
WeasyPrint, in the background (``newsroom.tasks.generate_report_pdf``), when the
issue is published or a story it shows or a mission's contact page changes:

- ``models.ReportIssuePDF``: one per issue page, with the file (on Django's
  default storage), its status, the last error and the revision it was made from.
- ``render``: the HTML (``newsroom/pdf/report_issue.html``) and the PDF.
- ``generate``: what the task does, and what publishing asks for.
- ``signals``: page published / unpublished handlers (connected in apps.py).
- ``panels``: the state of the PDF on the issue's edit page.

The PDF is served at ``<issue URL>pdf/`` (a route of ReportIssuePage) and linked
from the issue page once it exists; ``ReportIssuePage.pdf_url()`` says where.
"""
