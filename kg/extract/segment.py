"""Split an article into the paragraphs of its body, leaving out the headline and headings.

Headlines and title-case section headings are not sentences: parsed as such they yield
fragments like "Pyongyang Strengthen" tagged as a person. kg keeps the headline as the article's
title and parses only body paragraphs.
"""

from __future__ import annotations

import re

__all__ = ["body_paragraphs", "is_heading", "keep_sentences_whole"]

_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_END_PUNCT = ('.', '!', '?', ':', ';', '"', '”', '’', "'", ')')
_FULL_STOPS = frozenset({'.', '!', '?'})
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on",
                "or", "over", "the", "to", "with", "vs", "via", "amid", "after", "before"}


def is_heading(line: str) -> bool:
    """Tell whether a one-line block reads as a heading rather than a sentence.

    >>> is_heading("Diplomatic Ties Between Moscow and Pyongyang Strengthen")
    True
    >>> is_heading("Lavrov met Choe in Moscow.")
    False
    """
    line = line.strip()
    words = line.split()
    if not words or len(words) > 14 or line.endswith(_END_PUNCT):
        return False
    capitalised = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(capitalised) >= max(1, int(0.75 * len(content)))


def body_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the body paragraphs of ``text``.

    The first line is the headline. A block of one line that reads as a heading is skipped, and
    so is a repeat of the headline.

    >>> text = "Headline Here\\n\\nFirst paragraph.\\n\\nA Heading\\n\\nSecond one."
    >>> [text[s:e] for s, e in body_paragraphs(text)]
    ['First paragraph.', 'Second one.']
    """
    headline_end = text.find("\n")
    headline = text[:headline_end if headline_end >= 0 else len(text)].strip()
    spans = []
    for match in _BLOCK.finditer(text, max(headline_end, 0) if headline_end >= 0 else len(text)):
        block = match.group()
        if not block.strip():
            continue
        single_line = "\n" not in block.strip()
        if single_line and (block.strip() == headline or is_heading(block)):
            continue
        start = match.start() + (len(block) - len(block.lstrip()))
        spans.append((start, match.start() + len(block.rstrip())))
    return spans


def _no_sentence_inside(doc):
    for token in doc[1:]:
        before = doc[token.i - 1].text
        if before not in _END_PUNCT:
            token.is_sent_start = False
        elif before in _FULL_STOPS and token.text[:1].isupper():
            # The tokenizer keeps the stop of "Jr." or "U.S." on its word; a stop of its own ends
            # a sentence, which the parser sometimes runs on past.
            token.is_sent_start = True
    return doc


def keep_sentences_whole(nlp) -> None:
    """Let the parser start a sentence only after punctuation that can end one, and make it start
    one after a full stop that stands on its own before a capital.

    The parser of the small English model sometimes cuts a sentence inside a name it does not
    know ("Kazakh President Kassym-Jomart" | "Tokayev told …"), which loses the event's subject
    and leaves its evidence half a sentence; and it sometimes runs two sentences into one.
    """
    from spacy.language import Language  # only extraction loads spaCy

    if "kg_sentence_ends" not in Language.factories:
        Language.component("kg_sentence_ends", func=_no_sentence_inside)
    nlp.add_pipe("kg_sentence_ends", before="parser")
