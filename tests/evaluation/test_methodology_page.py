"""The methodology page is public and states the rules."""


def test_methodology_is_readable_without_signing_in(client, db):
    client.get("/language/en/")
    response = client.get("/methodology/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2" in html and "Attainment" in html and "<table>" in html


def test_methodology_is_shown_in_the_readers_language(client, db):
    client.get("/language/az/")
    html = client.get("/methodology/").content.decode()
    assert 'lang="az"' in html.split("<article", 1)[1][:40]
    assert "hədəfə çatma dərəcəsi" in html
    client.get("/language/ru/")
    assert "степень достижения" in client.get("/methodology/").content.decode()


def test_every_translation_keeps_the_section_numbers_reports_cite():
    import re

    from hedef.evaluation.methodology import methodology_text

    def numbers(text):
        return re.findall(r"^#{1,6} (\d+(?:\.\d+)*)", text, re.M)

    english = numbers(methodology_text("en"))
    assert english and numbers(methodology_text("az")) == english
    assert numbers(methodology_text("ru")) == english
