from datetime import date

import pytest

from kg.errors import InputError
from kg.read import ArticleError, iter_articles
from kg.read.text import read_text_article


def test_read_front_matter_gives_metadata_and_the_first_line_is_the_headline():
    article = read_text_article(
        "---\npublished: 2025-11-04\nsource: Example Wire\nurl: https://example.org/a\n---\n"
        "Headline Here\n\nBody text.\n", name="a.md")
    assert article.title == "Headline Here"
    assert article.published == date(2025, 11, 4)
    assert (article.source, article.url, article.key) == ("Example Wire", "https://example.org/a", "https://example.org/a")
    assert article.text.startswith("Headline Here\n")


def test_read_published_option_applies_only_when_the_article_gives_no_date():
    given = read_text_article("---\npublished: 2024-01-02\n---\nH\n\nB.", name="a.md", published=date(2025, 1, 1))
    missing = read_text_article("H\n\nB.", name="b.md", published=date(2025, 1, 1))
    assert (given.published, missing.published) == (date(2024, 1, 2), date(2025, 1, 1))


def test_read_bad_front_matter_date_names_the_file():
    with pytest.raises(InputError, match=r"a\.md: published date 'soon' is not YYYY-MM-DD"):
        read_text_article("---\npublished: soon\n---\nH\n\nB.", name="a.md")


def test_read_each_bad_file_gets_its_own_error_and_the_rest_are_read(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 news\n\nBody".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Good Headline\n\nChoe met Lavrov in Moscow.\n")
    (tmp_path / "README.md").write_text("# About this folder\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    results = {getattr(r, "path", None) or r.path: r for r in iter_articles([str(tmp_path)])}
    errors = {r.path.rsplit("/", 1)[-1]: r.message for r in results.values() if isinstance(r, ArticleError)}
    articles = [r for r in results.values() if not isinstance(r, ArticleError)]
    assert [a.title for a in articles] == ["Good Headline"]
    assert "no text" in errors["empty.txt"]
    assert "binary" in errors["binary.txt"]
    assert "UTF-8" in errors["latin1.txt"]
    assert set(errors) == {"empty.txt", "binary.txt", "latin1.txt"}
    assert all(str(tmp_path) in message for message in errors.values())


def test_read_named_file_of_unsupported_type_is_an_error(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF")
    (result,) = iter_articles([str(path)])
    assert isinstance(result, ArticleError) and "unsupported file type '.pdf'" in result.message


def test_read_missing_file_is_an_error():
    (result,) = iter_articles(["/nonexistent/a.txt"])
    assert isinstance(result, ArticleError) and "no such file" in result.message
