"""The methodology page is public and states the rules."""


def test_methodology_is_readable_without_signing_in(client, db):
    response = client.get("/methodology/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2" in html and "Attainment" in html and "<table>" in html
