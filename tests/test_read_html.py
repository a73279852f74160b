import os
from datetime import date

import pytest

import kg.read.source
from kg.errors import InputError
from kg.read import ArticleError, iter_articles
from kg.read.html import decode_html, read_html_article

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Kim meets Putin in Pyongyang | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<link rel="canonical" href="https://example.org/news/kim-putin">
<meta property="article:published_time" content="2024-06-19T08:00:00Z">
<style>.STYLE-LEAK { color: red }</style>
<script>var leak = "SCRIPT-LEAK";</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "JSONLD-LEAK"}</script>
</head><body>
<header><a href="/">Example Wire</a> HEADER-LEAK</header>
<nav><a href="/">Home</a> <a href="/world">World</a> NAV-LEAK</nav>
<article>
<h1>Kim meets Putin in Pyongyang</h1>
<p>Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un,
his first visit to North Korea in 24 years.</p>
<script>document.write("INLINE-SCRIPT-LEAK")</script>
<noscript>NOSCRIPT-LEAK: please enable JavaScript</noscript>
<p>The two leaders signed a comprehensive strategic partnership treaty that includes a mutual
defence clause, officials in both capitals said.</p>
<p>Analysts in Seoul said the agreement could deepen military cooperation between the two states.</p>
</article>
<aside>Most read: AUX-LEAK</aside>
<footer>Copyright 2024 Example Wire. FOOTER-LEAK</footer>
</body></html>
"""


def write(tmp_path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def test_html_boilerplate_never_reaches_the_text_and_the_headline_comes_first(tmp_path):
    (article,) = iter_articles([write(tmp_path, "a.html", PAGE)])
    assert article.title == "Kim meets Putin in Pyongyang"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title
    assert paragraphs[1].startswith("Russian President Vladimir Putin arrived in Pyongyang")
    assert len(paragraphs) == 4
    for leak in ("STYLE", "SCRIPT", "JSONLD", "HEADER", "NAV", "NOSCRIPT", "AUX", "FOOTER"):
        assert f"{leak}-LEAK" not in article.text


def test_html_metadata_gives_date_source_url_and_key(tmp_path):
    path = write(tmp_path, "a.html", PAGE)
    (article,) = iter_articles([path], published=date(2030, 1, 1))
    assert article.published == date(2024, 6, 19)
    assert (article.source, article.url, article.key) == (
        "Example Wire", "https://example.org/news/kim-putin", "https://example.org/news/kim-putin")
    assert article.path == path


def test_html_without_a_date_takes_the_published_option_not_a_date_in_the_body(tmp_path):
    page = ("<html><head><title>T</title></head><body><article><h1>Treaty signed</h1>"
            "<p>On 19 June 2024 Kim and Putin signed a treaty in Pyongyang, officials said.</p>"
            "</article></body></html>")
    path = write(tmp_path, "a.htm", page)
    (given,) = iter_articles([path], published=date(2025, 11, 4))
    (missing,) = iter_articles([path])
    assert (given.published, missing.published) == (date(2025, 11, 4), None)
    assert (given.key, given.url) == (str(tmp_path.resolve() / "a.htm"), None)


def test_html_without_article_text_is_an_error_naming_the_file_and_its_size(tmp_path):
    page = ("<html><head><title>Only a title</title><script>var x = 1;</script></head>"
            "<body><nav>Home About</nav><footer>Copyright</footer></body></html>")
    path = write(tmp_path, "a.html", page)
    (result,) = iter_articles([path])
    assert isinstance(result, ArticleError) and result.path == path
    assert result.message == (f"{path}: no article text found after removing boilerplate "
                              f"({len(page)} bytes of markup).")


def test_html_escaped_markup_in_the_page_stays_as_text():
    page = ("<html><body><article><h1>Markup &lt;b&gt; in a headline</h1><p>The page shows "
            "&lt;b&gt;bold&lt;/b&gt; and &lt;script&gt;alert(1)&lt;/script&gt; as text.</p>"
            "</article></body></html>")
    article = read_html_article(page.encode(), name="a.html")
    assert article.title == "Markup <b> in a headline"
    assert "<b>bold</b> and <script>alert(1)</script> as text." in article.text


def test_html_non_http_canonical_url_is_dropped():
    page = ('<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><article>'
            "<h1>Headline</h1><p>Kim met Putin in Pyongyang on Wednesday for talks.</p>"
            "</article></body></html>")
    article = read_html_article(page.encode(), name="a.html", key="/abs/a.html")
    assert (article.url, article.key) == (None, "/abs/a.html")


@pytest.mark.parametrize("declaration", ['<meta charset="iso-8859-1">',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
                                         '<?xml version="1.0" encoding="ISO-8859-1"?>'])
def test_html_declared_charset_is_honoured(declaration):
    page = (f"{declaration}<html><body><article><h1>Caf\xe9 talks</h1>"
            f"<p>\u201cCaf\xe9\u201d diplomacy in M\xfcnchen, officials said on Wednesday.</p>"
            f"</article></body></html>")
    article = read_html_article(page.encode("cp1252"), name="a.html")
    assert article.title == "Café talks"
    assert "\u201cCafé\u201d diplomacy in München" in article.text


def test_html_undeclared_non_utf8_bytes_are_an_error_not_mojibake():
    page = "<html><body><p>Caf\xe9 talks in Pyongyang on Wednesday.</p></body></html>".encode("latin-1")
    offset = page.index(b"\xe9")
    with pytest.raises(InputError, match=rf"a\.html: not valid UTF-8 at byte {offset} and no charset is declared"):
        read_html_article(page, name="a.html")


def test_html_bytes_that_break_their_declared_charset_are_an_error():
    page = '<meta charset="shift_jis"><p>\x81</p>'.encode("latin-1")
    with pytest.raises(InputError, match=r"a\.html: not valid shift_jis \(its declared charset\) at byte"):
        decode_html(page, name="a.html")


def test_html_unknown_charset_is_an_error_naming_it():
    with pytest.raises(InputError, match=r"a\.html: declares charset 'klingon-8', which kg does not know"):
        decode_html(b'<meta charset="klingon-8"><p>x</p>', name="a.html")


def test_html_utf8_bom_is_read_and_removed():
    article = read_html_article(b"\xef\xbb\xbf<html><body><p>Caf\xc3\xa9 talks.</p></body></html>",
                                name="a.html")
    assert article.text == "Café talks."


def test_html_over_the_byte_cap_is_refused_before_parsing(tmp_path, monkeypatch):
    import trafilatura

    def never(*args, **kwargs):
        raise AssertionError("trafilatura was given an over-size page")

    monkeypatch.setattr(trafilatura, "bare_extraction", never)
    monkeypatch.setattr(kg.read.source, "_MAX_BYTES", 1000)
    path = write(tmp_path, "big.html", PAGE + "<!--" + "x" * 1000 + "-->")
    (result,) = iter_articles([path])
    assert isinstance(result, ArticleError)
    assert result.message == f"{path}: larger than 1.0 kB, the limit for one article; split it into smaller files."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_read_named_pipe_is_an_error_and_never_blocks(tmp_path):
    path = tmp_path / "pipe.html"
    os.mkfifo(path)
    (result,) = iter_articles([str(path)])
    assert isinstance(result, ArticleError) and "not a regular file" in result.message


def test_html_page_wrapped_in_a_form_keeps_its_article():
    page = ('<html><body><form id="aspnetForm" method="post"><nav>NAV-LEAK</nav><article>'
            "<h1>Headline</h1><p>Kim met Putin in Pyongyang on Wednesday for talks.</p>"
            "</article></form></body></html>")
    article = read_html_article(page.encode(), name="a.html")
    assert article.text == "Headline\n\nKim met Putin in Pyongyang on Wednesday for talks."
