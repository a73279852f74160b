import json
from datetime import date

import feedparser
import pytest

from kg.read import ArticleError, iter_articles
from kg.read.feed import iter_feed_articles

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example &amp; Wire</title><link>https://example.org/</link>
<item>
  <title>Kim meets Putin</title>
  <link>javascript:alert(1)</link>
  <guid isPermaLink="false">urn:example:1</guid>
  <pubDate>Wed, 19 Jun 2024 08:00:00 GMT</pubDate>
  <description>&lt;p&gt;Putin arrived in &lt;b&gt;Pyongyang&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;alert("SCRIPT-LEAK")&lt;/script&gt;&lt;style&gt;.STYLE-LEAK{}&lt;/style&gt;&lt;p&gt;Talks followed.&lt;/p&gt;</description>
</item>
<item>
  <title>Headline only</title>
  <link>https://example.org/2</link>
</item>
<item>
  <title>Treaty signed</title>
  <link>https://example.org/3</link>
  <description>A teaser.</description>
  <content:encoded><![CDATA[<p>Treaty signed</p><p>The full text of the report.</p><noscript>NOSCRIPT-LEAK</noscript>]]></content:encoded>
</item>
<item>
  <title>Data link</title>
  <link>data:text/html,hello</link>
  <guid isPermaLink="false">42</guid>
  <description>Seoul responded.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>tag:example.org,2024:feed</id>
<entry><title>Plain entry</title><id>tag:example.org,2024:1</id>
  <link href="https://example.org/a"/><updated>2024-06-20T10:00:00Z</updated>
  <summary type="text">Literal &lt;b&gt; stays as text.</summary></entry>
</feed>
"""


def write(tmp_path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def test_feed_entries_become_articles_and_an_entry_without_text_is_an_error(tmp_path):
    path = write(tmp_path, "wire.rss", RSS)
    first, error, third, fourth = iter_articles([path])
    assert first.text == "Kim meets Putin\n\nPutin arrived in Pyongyang.\n\nTalks followed."
    assert (first.title, first.published, first.source, first.path) == (
        "Kim meets Putin", date(2024, 6, 19), "Example & Wire", path)
    assert isinstance(error, ArticleError) and error.path == path
    assert error.message == (f"{path}: entry 2 ('Headline only'): no text in its summary or content; "
                             f"the entry is skipped.")
    assert third.text == "Treaty signed\n\nThe full text of the report."
    assert (third.url, third.key) == ("https://example.org/3", "https://example.org/3")
    assert fourth.text == "Data link\n\nSeoul responded."


def test_feed_entry_link_is_kept_only_if_it_is_http():
    first, _, third, fourth = iter_feed_articles(RSS.encode(), name="wire.rss", key="/abs/wire.rss")
    assert (first.url, third.url, fourth.url) == (None, "https://example.org/3", None)
    # Without a usable link, a URI id is the key; a bare id is scoped to the file.
    assert (first.key, fourth.key) == ("urn:example:1", "/abs/wire.rss#42")


def test_feed_entry_script_style_and_noscript_text_never_reach_the_text():
    texts = " ".join(a.text for a in iter_feed_articles(RSS.encode(), name="wire.rss")
                     if not isinstance(a, Exception))
    for leak in ("SCRIPT", "STYLE", "NOSCRIPT", "alert"):
        assert leak not in texts


def test_feed_atom_plain_text_summary_keeps_markup_characters_and_updated_gives_the_date(tmp_path):
    (article,) = iter_articles([write(tmp_path, "news.atom", ATOM)], published=date(2030, 1, 1))
    assert article.text == "Plain entry\n\nLiteral <b> stays as text."
    assert (article.published, article.source, article.url) == (
        date(2024, 6, 20), "Atom News", "https://example.org/a")


def test_feed_entry_without_a_date_takes_the_published_option():
    entries = list(iter_feed_articles(RSS.encode(), name="wire.rss", published=date(2025, 1, 1)))
    assert [e.published for e in entries if not isinstance(e, Exception)] == [
        date(2024, 6, 19), date(2025, 1, 1), date(2025, 1, 1)]


def test_feed_content_naming_a_file_is_never_read_as_that_path(tmp_path):
    secret = write(tmp_path, "secret.rss", RSS.replace("Kim meets Putin", "SECRET-HEADLINE"))
    pointer = write(tmp_path, "pointer.xml", secret)
    (result,) = iter_articles([pointer])
    assert isinstance(result, ArticleError)
    assert "RSS or Atom feed" in result.message and "SECRET" not in result.message


def test_feed_parser_gets_a_stream_never_a_path_or_url(tmp_path, monkeypatch):
    def no_fetch(*args, **kwargs):
        raise AssertionError("feedparser tried to fetch a URL")

    seen = []
    real_parse = feedparser.parse

    def spy(source, *args, **kwargs):
        seen.append(source)
        return real_parse(source, *args, **kwargs)

    monkeypatch.setattr(feedparser.http, "get", no_fetch)
    monkeypatch.setattr(feedparser, "parse", spy)
    (result,) = iter_articles([write(tmp_path, "remote.rss", "http://127.0.0.1:9/feed.rss")])
    assert isinstance(result, ArticleError)
    assert len(seen) == 1 and hasattr(seen[0], "read")


def test_feed_external_entity_is_not_expanded(tmp_path):
    secret = write(tmp_path, "secret.txt", "TOP-SECRET-CONTENT")
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            f"<rss version=\"2.0\"><channel><title>T &xxe;</title><item><title>A &xxe;</title>"
            f"<description>Body &xxe; text.</description></item></channel></rss>")
    results = list(iter_articles([write(tmp_path, "xxe.rss", feed)]))
    assert "TOP-SECRET" not in repr(results)


@pytest.mark.parametrize(("content", "problem"), [
    ("<rss version='2.0'><channel><title>x</chan", "not a well-formed RSS or Atom feed"),
    ("<?xml version='1.0'?><urlset><url><loc>https://example.org/</loc></url></urlset>",
     "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)"),
    ("", "not an RSS or Atom feed"),
])
def test_feed_malformed_or_not_a_feed_is_one_error_for_the_file(tmp_path, content, problem):
    path = write(tmp_path, "bad.xml", content)
    (result,) = iter_articles([path])
    assert isinstance(result, ArticleError) and result.path == path
    assert result.message.startswith(f"{path}: {problem}")
    assert result.message.endswith("kg reads .rss, .atom and .xml files as feeds.")


def test_feed_with_no_entries_gives_no_articles(tmp_path):
    path = write(tmp_path, "empty.rss", "<rss version='2.0'><channel><title>Quiet</title></channel></rss>")
    assert list(iter_articles([path])) == []


def test_read_directory_reads_every_supported_kind_in_sorted_order(tmp_path):
    write(tmp_path, "a.txt", "Text headline\n\nBody.\n")
    write(tmp_path, "b.html", "<html><body><article><h1>HTML headline</h1><p>Body text.</p></article></body></html>")
    write(tmp_path, "c.jsonl", json.dumps({"text": "JSONL one"}) + "\n" + json.dumps({"text": "JSONL two"}))
    write(tmp_path, "d.atom", ATOM)
    write(tmp_path, "README.md", "# About\n")
    write(tmp_path, "e.pdf", b"%PDF")
    titles = [r.title for r in iter_articles([str(tmp_path)])]
    assert titles == ["Text headline", "HTML headline", "JSONL one", "JSONL two", "Plain entry"]


def test_read_unsupported_type_lists_every_supported_suffix(tmp_path):
    (result,) = iter_articles([write(tmp_path, "notes.pdf", b"%PDF")])
    assert result.message.endswith(
        "unsupported file type '.pdf'; kg reads .txt, .md, .markdown, .html, .htm, .jsonl, .rss, .atom, .xml.")
