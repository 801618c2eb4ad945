"""A missing page and a server error answer in the site's own pages, in the reader's language."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_a_missing_page_is_a_404_in_the_sites_chrome_and_language(client, db):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="az")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Səhifə tapılmadı" in page
    assert 'lang="az"' in page
    english = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Page not found" in english


def test_a_server_error_is_a_500_page_in_the_sites_chrome(db):
    """Django renders it without the request's context: the page must still render whole."""
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>" in page and "</html>" in page
    assert "Something went wrong" in page or "Xəta baş verdi" in page
