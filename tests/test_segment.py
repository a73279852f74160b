import pytest

from kg.extract.segment import body_paragraphs, is_heading


@pytest.mark.parametrize("line, heading", [
    ("Diplomatic Ties Between Moscow and Pyongyang Strengthen", True),
    ("Discipline and Determination on the Front Lines", True),
    ("Thousands of North Korean Troops Sent to Russia", True),
    ("North Korean Soldiers Join the Battlefield", True),
    ("Lavrov met Choe in Moscow.", False),
    ("“For them, death in battle was preferable to capture,” he wrote.", False),
    ("The NIS said that Pyongyang’s forces are deployed", False),
])
def test_segment_heading_is_told_from_a_sentence(line, heading):
    assert is_heading(line) is heading


def test_segment_headline_and_headings_are_not_body_paragraphs():
    text = ("Moscow And Pyongyang Strengthen Ties\n\n"
            "Moscow And Pyongyang Strengthen Ties\n\n"
            "Choe met Lavrov.\nShe also met Putin.\n\n"
            "Discipline and Determination\n\n"
            "Kim pledged a monument.")
    spans = body_paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["Choe met Lavrov.\nShe also met Putin.", "Kim pledged a monument."]


def test_segment_offsets_point_into_the_original_text():
    text = "Headline\n\n  Indented paragraph here.  \n"
    (start, end), = body_paragraphs(text)
    assert text[start:end] == "Indented paragraph here."


@pytest.mark.slow
def test_segment_a_sentence_is_not_cut_inside_a_name(extractor):
    # The bare model cuts this sentence after "Kassym-Jomart".
    text = ("Kazakh President Kassym-Jomart Tokayev told German Chancellor Olaf Scholz on Monday that "
            "Russia was strong. Scholz listened.")
    sentences = [s.text for s in extractor.nlp(text).sents]
    assert sentences == [text[:text.index(" Scholz listened")], "Scholz listened."]


def test_segment_a_stop_of_its_own_ends_a_sentence_but_one_on_a_name_does_not(extractor):
    # The bare model runs this sentence on into the next.
    text = ("Philippine President Ferdinand Marcos Jr. and his Vietnamese counterpart, Vo Van Thuong, held talks in "
            "Hanoi on Tuesday, after which officials of the two countries signed agreements to strengthen cooperation "
            "between their coast guards and to prevent incidents in the South China Sea. Marcos, who is on a two-day "
            "state visit to Vietnam, said maritime cooperation was the foundation of the relationship.")
    sentences = [s.text for s in extractor.nlp(text).sents]
    assert sentences == [text[:text.index(" Marcos, who")], text[text.index("Marcos, who"):]]
