"""Read an HTML article: its main text and metadata, without scripts, styles or page furniture.

trafilatura finds the main text and the metadata (title, date, site name, canonical URL). Before
it runs, kg decodes the bytes itself, following the document's BOM or declared charset, because
trafilatura guesses an encoding and turns short Latin-1 pages into mojibake without a word. kg
also removes elements that never hold article text (scripts, styles, ``<noscript>``, navigation,
page headers and footers), because trafilatura's fallback extractors return them when a page has
nothing else. The article's text is the headline, a blank line, then one paragraph per block,
separated by blank lines.

Text that the page shows as markup, such as ``&lt;b&gt;``, stays in the text as the characters
``<b>``: whatever writes the text out must escape it.

The caller caps the size of ``data``; :func:`kg.read.source.iter_articles` reads at most 5 MB.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from kg.errors import InputError
from kg.read.text import parse_published
from kg.records import Article

__all__ = ["read_html_article", "decode_html", "fragment_paragraphs", "compose_text", "http_url", "byte_size"]

# The HTML spec looks for a declaration in the first 1024 bytes; real pages put long comments and
# scripts first, so look a little further.
_PRESCAN_BYTES = 4096
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)

# Browsers read these labels as a wider encoding (WHATWG Encoding Standard); pages labelled
# ISO-8859-1 routinely contain Windows-1252 curly quotes, so reading them strictly would fail.
_WIDER = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "tis-620": "cp874",
          "gb2312": "gbk", "euc_kr": "cp949", "shift_jis": "cp932"}
# Once the page has reached this parser as bytes, a UTF-16 label can only be stale (WHATWG).
_UTF16 = {"utf-16", "utf-16-le", "utf-16-be"}

# Elements whose text is never article text.
_NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
               "canvas", "button", "select", "textarea")
# Page furniture; inside an <article> or <main> a header or footer carries the byline and date.
# Not <form>: ASP.NET pages wrap the whole body, article and all, in one.
_FURNITURE = ("//nav",
              "//header[not(ancestor::article or ancestor::main)]",
              "//footer[not(ancestor::article or ancestor::main)]",
              "//aside[not(ancestor::article or ancestor::main)]")
# Block elements end a paragraph when the HTML of a feed entry is turned into text.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})


def byte_size(count: int) -> str:
    """Format a byte count for a message.

    >>> byte_size(512), byte_size(2_345), byte_size(1_200_000)
    ('512 bytes', '2.3 kB', '1.2 MB')
    """
    if count < 1000:
        return f"{count} bytes"
    if count < 1_000_000:
        return f"{count / 1000:.1f} kB"
    return f"{count / 1_000_000:.1f} MB"


def http_url(value: object) -> str | None:
    """Return ``value`` stripped if it is an absolute http(s) URL, else None.

    Links in pages and feeds are untrusted: a ``javascript:``, ``data:`` or ``file:`` URL must
    never reach a report or an exported page as a link.

    >>> http_url(" https://example.org/a "), http_url("javascript:alert(1)"), http_url("/a")
    ('https://example.org/a', None, None)
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return value


def decode_html(data: bytes, *, name: str) -> str:
    """Decode an HTML document by its BOM, else its declared charset, else as UTF-8.

    >>> decode_html('<meta charset="iso-8859-1"><p>Caf\\xe9</p>'.encode("latin-1"), name="a.html")
    '<meta charset="iso-8859-1"><p>Café</p>'
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode_as(data[len(bom):], encoding, name=name, label=encoding + " (from its BOM)")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes); if it is "
                         f"UTF-16 text, save it as UTF-8.")
    head = data[:_PRESCAN_BYTES]
    declared = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if declared is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: not valid UTF-8 at byte {err.start} and no charset is "
                             f"declared; save the file as UTF-8 or add <meta charset=\"…\">.") from err
    label = declared.group(1).decode("ascii")
    try:
        encoding = codecs.lookup(label).name
    except LookupError as err:
        raise InputError(f"{name}: declares charset {label!r}, which kg does not know; "
                         f"save the file as UTF-8.") from err
    if encoding in _UTF16:
        encoding = "utf-8"
    return _decode_as(data, _WIDER.get(encoding, encoding), name=name, label=label)


def _decode_as(data: bytes, encoding: str, *, name: str, label: str) -> str:
    if encoding == "cp1252":
        # Five bytes are unassigned in Windows-1252; browsers map them to the C1 controls, as
        # Latin-1 does, rather than fail the page.
        text = data.decode("cp1252", errors="surrogateescape")
        return text.translate({0xDC00 + byte: byte for byte in range(0x80, 0xA0)})
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {label} (its declared charset) at byte {err.start}; "
                         f"fix the declaration or save the file as UTF-8.") from err
    except LookupError as err:  # a codec that is not a text encoding, such as 'hex'
        raise InputError(f"{name}: declares charset {label!r}, which is not a text encoding; "
                         f"save the file as UTF-8.") from err


def fragment_paragraphs(fragment: str) -> list[str]:
    """Turn an HTML fragment into paragraphs of plain text, without script or style text.

    >>> fragment_paragraphs("<p>One <b>two</b></p><script>x()</script><p>&lt;b&gt; three</p>")
    ['One two', '<b> three']
    """
    if not fragment.strip():
        return []
    # A parser per call: lxml parsers must not be shared between threads.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(root, *_NEVER_TEXT, with_tail=False)
    paragraphs: list[str] = []
    current: list[str] = []

    def end_paragraph() -> None:
        text = " ".join("".join(current).split())
        if text:
            paragraphs.append(text)
        current.clear()

    # iterwalk, not recursion: a hostile fragment can nest elements deeper than Python's stack.
    for event, element in etree.iterwalk(root, events=("start", "end")):
        block = isinstance(element.tag, str) and element.tag.lower() in _BLOCKS
        if event == "start":
            if block:
                end_paragraph()
            current.append(element.text or "")
        else:
            if block:
                end_paragraph()
            if element is not root:
                current.append(element.tail or "")
    end_paragraph()
    return paragraphs


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def compose_text(title: str | None, paragraphs: Iterable[str]) -> tuple[str, str]:
    """Return ``(title, text)``: the headline first, then the paragraphs, blank lines between.

    Without a title the first paragraph is the headline; a first paragraph repeating the title
    is dropped. Both are empty when there is no body text.

    >>> compose_text("Kim meets Putin", ["Kim  meets Putin", "They met."])
    ('Kim meets Putin', 'Kim meets Putin\\n\\nThey met.')
    """
    body = [" ".join(p.split()) for p in paragraphs]
    body = [p for p in body if p]
    headline = " ".join((title or "").split())
    if body and headline and _same_text(body[0], headline):
        body = body[1:]
    if not body:
        return "", ""
    if not headline:
        headline, body = body[0], body[1:]
    return headline, "\n\n".join([headline, *body])


def _remove_furniture(tree: lxml.html.HtmlElement) -> None:
    doomed = [e for e in tree.iter(*_NEVER_TEXT)
              # JSON-LD carries the date and publisher trafilatura reads; it never becomes text.
              if not (e.tag == "script"
                      and (e.get("type") or "").strip().lower() == "application/ld+json")]
    doomed += [e for xpath in _FURNITURE for e in tree.xpath(xpath)]
    for element in doomed:
        element.drop_tree()


def read_html_article(data: bytes, *, name: str, key: str | None = None,
                      published: date | None = None) -> Article:
    """Build an article from the bytes of an HTML page.

    ``name`` is used in error messages and as the article's path; ``key`` identifies the article
    when the page gives no canonical URL. ``published`` applies when the page gives no date.
    """
    # Imported here: trafilatura takes a tenth of a second to import, and most runs read no HTML.
    import trafilatura

    markup = decode_html(data, name=name)
    tree = trafilatura.load_html(markup) if markup.strip() else None
    if tree is None and markup.strip():
        # trafilatura refuses a bare fragment such as "<p>…</p>" as not quite HTML.
        tree = trafilatura.load_html(f"<html><body>{markup}</body></html>")
    document = None
    if tree is not None:
        _remove_furniture(tree)
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=True,
            # Without extensive search the date comes from markup, not from a date that the
            # body mentions (usually the date of the events it reports).
            date_extraction_params={"original_date": True, "extensive_search": False,
                                    "max_date": date.today().isoformat()})
    title, text = compose_text(getattr(document, "title", None),
                               (getattr(document, "text", None) or "").split("\n"))
    if not text:
        raise InputError(f"{name}: no article text found after removing boilerplate "
                         f"({byte_size(len(data))} of markup).")
    url = http_url(getattr(document, "url", None))
    when = getattr(document, "date", None)
    return Article(
        key=url or key or name,
        text=text,
        title=title,
        published=parse_published(when, name=name) if when else published,
        source=" ".join((getattr(document, "sitename", None) or "").split()) or None,
        url=url,
        path=name,
    )
