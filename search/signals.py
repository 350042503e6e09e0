"""Keep the search index in step with what editors publish."""

from modelsearch.tasks import insert_or_update_object_task


def reindex_published_page(sender, instance, **kwargs):
    """Index a page again once it is published.

    modelsearch indexes a page from its post_save signal, which modelcluster
    sends before it saves the page's child relations and many-to-many fields
    (topics, gallery photos): the index would hold those of the previous
    version. ``page_published`` is sent after everything is saved. Like
    modelsearch, this goes through its task, so a background task backend
    takes the work off the request.
    """
    model = instance.specific_class or type(instance)
    insert_or_update_object_task.enqueue(
        model._meta.app_label, model._meta.model_name, str(instance.pk)
    )
