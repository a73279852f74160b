from datetime import date

import pytest

from kg.merge import MERGED_GRAPH, Report, same_event

A, B = "https://example.org/a1", "https://example.org/a2"
ASSERTED, HEDGED, NEGATED = (f"https://w3id.org/kg/ont#{s}" for s in ("asserted", "hedged", "negated"))


def _report(article=A, **kwargs):
    values = dict(iri=f"{article}#e", type="Deployment", article=article, participants={"prk", "rus"},
                  earliest=date(2024, 10, 1), latest=date(2024, 10, 31), status=ASSERTED)
    values.update(kwargs)
    return Report(**values)


@pytest.mark.parametrize("other, same", [
    (_report(B), True),
    (_report(B, participants={"prk"}), True),
    (_report(B, type="Meeting"), False),
    (_report(A), False),
    (_report(B, participants={"prk", "ukr"}), False),
    (_report(B, earliest=date(2025, 3, 1), latest=date(2025, 3, 31)), False),
    (_report(B, earliest=date(2024, 11, 2), latest=date(2024, 11, 2)), True),
    (_report(B, earliest=None, latest=None), False),
    (_report(B, place="kursk"), True),
    (_report(B, status=NEGATED), True),
    (_report(B, status=HEDGED), False),
])
def test_merge_same_event_rules(other, same):
    assert same_event(_report(), other) is same


ARTICLE = """---
published: {published}
url: https://example.org/{name}
---
Headline

According to South Korea's National Intelligence Service, North Korea has sent {number} troops to Russia in October 2024.
"""


@pytest.mark.slow
def test_merge_one_deployment_reported_twice_is_one_node_with_both_numbers_flagged(tmp_path):
    from kg.ingest import ingest
    from kg.store import Store

    for name, number in (("one", "about 10,000"), ("two", "about 12,000")):
        (tmp_path / f"{name}.md").write_text(ARTICLE.format(published="2024-11-05", name=name, number=number))
    report = ingest([str(tmp_path)], store=tmp_path / "s")
    assert report.merged == 1
    with Store(tmp_path / "s") as store:
        (row,) = list(store.query(f"""
            SELECT ?n (GROUP_CONCAT(STR(?q); separator=",") AS ?qs) (SAMPLE(?c) AS ?conflict) WHERE {{
              GRAPH <{MERGED_GRAPH}> {{ ?m a kg:MergedEvent ; kg:sourceCount ?n ; kg:quantity ?q ; kg:conflict ?c }}
            }} GROUP BY ?m ?n""", prefixes={"kg": "https://w3id.org/kg/ont#"}))
    assert int(row["n"].value) == 2
    assert sorted(row["qs"].value.split(",")) == ["10000", "12000"]
    conflict = row["conflict"].value
    assert conflict.startswith("quantity: ") and "10000 (id:article/" in conflict and "12000 (id:article/" in conflict
