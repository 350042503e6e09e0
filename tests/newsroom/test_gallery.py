"""Photo galleries: the index lists a site's galleries, a gallery shows its
photos in the editors' order with their alt text."""

from bs4 import BeautifulSoup

from tests.factories import GalleryPhotoFactory, PhotoGalleryPageFactory


def _alts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [img.get("alt") for img in soup.find_all("img")]


def test_gallery_shows_its_photos_in_order_with_alt_text(site_tree, fetch_page):
    response = fetch_page(site_tree.gallery)

    assert response.status_code == 200
    alts = _alts(response)
    first = alts.index("A shoemaker at his workbench")
    second = alts.index("Trainees sewing school uniforms")
    assert first < second


def test_gallery_follows_a_new_photo_order(site_tree, fetch_page):
    shoemaker, trainees = site_tree.gallery_photos
    shoemaker.sort_order, trainees.sort_order = 1, 0
    shoemaker.save()
    trainees.save()

    alts = _alts(fetch_page(site_tree.gallery))

    assert alts.index("Trainees sewing school uniforms") < alts.index(
        "A shoemaker at his workbench"
    )


def test_gallery_shows_each_photos_caption_and_credit(site_tree, fetch_page):
    GalleryPhotoFactory(
        page=site_tree.gallery,
        sort_order=2,
        alt_text="A finished pair of boots",
        caption="Boots for the winter market.",
        credit="© IOM / A. Photographer",
    )

    html = fetch_page(site_tree.gallery).content.decode()

    assert "Boots for the winter market." in html
    assert "A. Photographer" in html


def test_gallery_without_photos_still_renders(site_tree, fetch_page):
    empty = PhotoGalleryPageFactory(parent=site_tree.kyrgyzstan_gallery_index, title="Coming soon")

    response = fetch_page(empty)

    assert response.status_code == 200
    assert "Coming soon" in response.content.decode()


def test_gallery_index_lists_the_sites_galleries(site_tree, fetch_page):
    response = fetch_page(site_tree.kazakhstan_gallery_index)

    assert response.status_code == 200
    assert "Kostanay workshop" in response.content.decode()
