"""A newsroom's index page renders with its own stories."""

from tests.factories import NewsItemPageFactory


def test_mission_news_index_renders_its_stories(site_tree, fetch_page):
    response = fetch_page(site_tree.kyrgyzstan_news)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kyrgyzstan story 1" in html
    assert "Kyrgyzstan story 2" in html


def test_mission_news_index_does_not_list_another_missions_unshared_story(site_tree, fetch_page):
    response = fetch_page(site_tree.kyrgyzstan_news)

    assert "Kazakhstan story 1" not in response.content.decode()


def test_news_index_leaves_out_a_draft_story(site_tree, fetch_page):
    NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="Unfinished draft", live=False)

    response = fetch_page(site_tree.kyrgyzstan_news)

    assert response.status_code == 200
    assert "Unfinished draft" not in response.content.decode()


def test_regional_news_index_renders(site_tree, fetch_page):
    response = fetch_page(site_tree.regional_news)

    assert response.status_code == 200
    assert "Regional story" in response.content.decode()
