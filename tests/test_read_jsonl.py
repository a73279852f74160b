import io
import json
from datetime import date

import pytest

import kg.read.source
from kg.errors import InputError
from kg.read import ArticleError, iter_articles
from kg.read.jsonl import iter_jsonl_articles, parse_jsonl_line

GOOD = {"title": "Kim meets Putin", "text": "They met in Pyongyang.", "published": "2024-06-19",
        "source": "Example Wire", "url": "https://example.org/a", "id": "a-1"}


def line(**fields) -> str:
    return json.dumps(fields)


def test_jsonl_good_and_bad_lines_each_give_an_article_or_an_error_in_order(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps(GOOD),                              # 1
        "",                                            # 2: blank, skipped
        '{"text": "Unclosed',                          # 3
        line(title="No text"),                         # 4
        line(text="   "),                              # 5
        line(text="Body.", published="19/06/2024"),    # 6
        "[1, 2]",                                      # 7
        "   ",                                         # 8: blank, skipped
        line(text="Second headline\nSecond body.", id=7),  # 9
        '{"text": "truncated last line',               # 10
    ]))
    results = list(iter_articles([str(path)]))
    shown = [r.message if isinstance(r, ArticleError) else r.title for r in results]
    assert shown == [
        "Kim meets Putin",
        f"{path}:3: invalid JSON at column 10 (Unterminated string starting); each line must be one JSON object.",
        f"{path}:4: no \"text\" field; each line needs the article's text.",
        f"{path}:5: \"text\" is empty; each line needs the article's text.",
        f"{path}:6: published date '19/06/2024' is not YYYY-MM-DD.",
        f"{path}:7: expected a JSON object with a \"text\" field, got an array.",
        "Second headline",
        f"{path}:10: invalid JSON at column 10 (Unterminated string starting); each line must be one JSON object.",
    ]
    assert all(r.path == str(path) for r in results)


def test_jsonl_fields_give_metadata_and_the_title_becomes_the_first_line():
    article = parse_jsonl_line(json.dumps(GOOD), where="a.jsonl:1", fallback_key="a.jsonl#1",
                               path="a.jsonl")
    assert article.text == "Kim meets Putin\n\nThey met in Pyongyang."
    assert (article.title, article.published, article.source, article.url, article.key, article.path) == (
        "Kim meets Putin", date(2024, 6, 19), "Example Wire", "https://example.org/a",
        "https://example.org/a", "a.jsonl")


def test_jsonl_without_a_title_the_first_line_of_text_is_the_headline():
    article = parse_jsonl_line(line(text="\r\nHeadline here\r\n\r\nBody.\r\n"), where="a.jsonl:1",
                               fallback_key="a.jsonl#1")
    assert (article.title, article.text) == ("Headline here", "Headline here\n\nBody.")


@pytest.mark.parametrize(("fields", "key"), [
    ({"url": "https://example.org/a", "id": "x"}, "https://example.org/a"),
    ({"id": "x"}, "x"),
    ({"id": 42}, "42"),
    ({}, "/abs/a.jsonl#3"),
])
def test_jsonl_key_is_the_url_else_the_id_else_the_file_and_line(fields, key):
    article = parse_jsonl_line(line(text="H\n\nB.", **fields), where="a.jsonl:3",
                               fallback_key="/abs/a.jsonl#3")
    assert article.key == key


def test_jsonl_key_without_url_or_id_uses_the_resolved_file_and_line_number(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("\n" + line(text="H\n\nB.") + "\n")
    (article,) = iter_articles([str(path)])
    assert article.key == f"{path.resolve()}#2"


def test_jsonl_published_option_applies_only_to_lines_without_a_date(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(line(text="A", published="2024-01-02") + "\n" + line(text="B") + "\n")
    dated, undated = iter_articles([str(path)], published=date(2025, 1, 1))
    assert (dated.published, undated.published) == (date(2024, 1, 2), date(2025, 1, 1))


@pytest.mark.parametrize(("raw", "message"), [
    ('"just a string"', 'expected a JSON object with a "text" field, got a string.'),
    ("null", 'expected a JSON object with a "text" field, got null.'),
    ('{"text": null}', 'no "text" field'),
    ('{"text": 5}', '"text" must be a string, got a number.'),
    ('{"text": "B", "title": ["x"]}', '"title" must be a string, got an array.'),
    ('{"text": "B", "published": 20240619}', '"published" must be a string, got a number.'),
    ('{"text": "B", "id": true}', '"id" must be a string or an integer, got a boolean.'),
    ('{"text": "B", "url": "javascript:alert(1)"}',
     "url 'javascript:alert(1)' is not an http(s) URL; fix it or remove the field."),
    ('{"text": "A", "text": "B"}', "invalid JSON: duplicate key 'text'."),
    ('{"text": NaN}', "invalid JSON: NaN is not valid JSON."),
    ('{"text": "B", "n": ' + "9" * 5000 + "}", "invalid JSON: a number with 5,000 digits is too long."),
    ("[" * 100_000 + "]" * 100_000, "invalid JSON: arrays or objects nested too deeply."),
])
def test_jsonl_bad_line_is_an_error_naming_the_line_and_the_problem(raw, message):
    with pytest.raises(InputError) as caught:
        parse_jsonl_line(raw, where="a.jsonl:4", fallback_key="a.jsonl#4")
    assert str(caught.value).startswith("a.jsonl:4: ")
    assert message in str(caught.value)


def test_jsonl_invalid_utf8_line_is_an_error_and_the_next_line_is_read():
    stream = io.BytesIO(b'{"text": "Caf\xe9"}\n' + line(text="Good").encode() + b"\n")
    bad, good = iter_jsonl_articles(stream, name="a.jsonl", max_line_bytes=1000)
    assert isinstance(bad, InputError)
    assert str(bad) == "a.jsonl:1: not valid UTF-8 at byte 13 of the line; save the file as UTF-8."
    assert good.title == "Good"


def test_jsonl_utf8_bom_on_the_first_line_is_ignored():
    stream = io.BytesIO(b"\xef\xbb\xbf" + line(text="Headline").encode())
    (article,) = iter_jsonl_articles(stream, name="a.jsonl", max_line_bytes=1000)
    assert article.title == "Headline"


def test_jsonl_line_over_the_byte_cap_is_skipped_and_the_rest_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.read.source, "_MAX_BYTES", 100)
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([line(text="First"), line(text="x" * 5000), line(text="Third")]))
    first, error, third = iter_articles([str(path)])
    assert (first.title, third.title) == ("First", "Third")
    assert isinstance(error, ArticleError)
    assert error.message == (f"{path}:2: the line is longer than 100 bytes, the limit for one "
                             f"article; split the article or shorten it.")
