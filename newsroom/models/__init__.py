from newsroom.editions.models import ReportIssuePDF
from newsroom.models.gallery import GalleryIndexPage, GalleryPhoto, PhotoGalleryPage
from newsroom.models.news import NewsIndexPage, NewsItemPage
from newsroom.models.reports import ReportIndexPage, ReportIssuePage, ReportSectionBlock
from newsroom.models.topics import Topic

__all__ = [
    "GalleryIndexPage",
    "GalleryPhoto",
    "NewsIndexPage",
    "NewsItemPage",
    "PhotoGalleryPage",
    "ReportIndexPage",
    "ReportIssuePDF",
    "ReportIssuePage",
    "ReportSectionBlock",
    "Topic",
]
