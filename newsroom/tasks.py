"""Background tasks of the newsroom (django-tasks; see TASKS in settings)."""

from django_tasks import task


@task()
def generate_report_pdf(page_id):
    """Make the PDF edition of one report issue page (one language)."""
    from newsroom.editions.generate import generate_pdf

    edition = generate_pdf(page_id)
    return edition.status if edition is not None else None
