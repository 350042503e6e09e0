from newsroom.editions.models import ReportIssuePDF
from newsroom.models.gallery import GalleryIndexPage, GalleryPhoto, PhotoGalleryPage
from newsroom.models.news import NewsIndexPage, NewsItemPage
from newsroom.models.publications import PublicationFile, PublicationIndexPage, PublicationPage
from newsroom.models.reports import ReportIndexPage, ReportIssuePage, ReportSectionBlock
from newsroom.models.topics import Topic

__all__ = [
    "GalleryIndexPage",
    "GalleryPhoto",
    "NewsIndexPage",
    "NewsItemPage",
    "PhotoGalleryPage",
    "PublicationFile",
    "PublicationIndexPage",
    "PublicationPage",
    "ReportIndexPage",
    "ReportIssuePDF",
    "ReportIssuePage",
    "ReportSectionBlock",
    "Topic",
]
