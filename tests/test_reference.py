"""The reference knowledge base: well-formed, unambiguous, and right on the facts we rely on."""

from collections import defaultdict

import pytest

from kg.extract.gazetteer import load_gazetteer
from kg.ontology import reference_store
from kg.validation import validate_files

PREFIXES = """
PREFIX kg: <https://w3id.org/kg/ont#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <http://schema.org/>
PREFIX agreement: <https://w3id.org/kg/id/agreement/>
"""


def _rows(sparql: str) -> list[dict]:
    result = reference_store().query(PREFIXES + sparql)
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


def test_reference_conforms_to_the_shapes():
    report = validate_files([], with_reference=True)
    assert report.conforms, report.text()


def test_reference_has_no_label_shared_by_two_entities_of_one_type():
    rows = _rows("""
        SELECT ?type ?label ?e WHERE {
          VALUES ?type { kg:State kg:Person kg:Organization kg:Agreement kg:Place kg:MilitaryUnit }
          ?e a ?class . ?class rdfs:subClassOf* ?type .
          ?e skos:prefLabel|skos:altLabel|kg:demonym|kg:metonym ?label .
        }""")
    owners = defaultdict(set)
    for row in rows:
        owners[(row["type"], row["label"].casefold())].add(row["e"])
    duplicates = {key: sorted(v) for key, v in owners.items() if len(v) > 1}
    assert duplicates == {}


def test_reference_has_no_wikidata_id_on_two_entities():
    rows = _rows("SELECT ?e ?wd WHERE { ?e skos:exactMatch ?wd }")
    owners = defaultdict(set)
    for row in rows:
        owners[row["wd"]].add(row["e"])
    assert {wd: v for wd, v in owners.items() if len(v) > 1} == {}


def test_reference_lists_every_un_member_and_observer_state_and_kosovo():
    (row,) = _rows("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:State ; kg:iso3 ?c }")
    assert int(row["n"]) == 196


@pytest.mark.parametrize("state, qid, capital", [
    ("prk", "Q423", "Pyongyang"), ("kor", "Q884", "Seoul"), ("rus", "Q159", "Moscow"),
    ("usa", "Q30", "Washington"), ("chn", "Q148", "Beijing"), ("ukr", "Q212", "Kyiv"),
    ("xkx", "Q1246", "Pristina"),
])
def test_reference_states_have_their_wikidata_id_and_capital(state, qid, capital):
    (row,) = _rows(f"""SELECT ?wd ?cap WHERE {{ <https://w3id.org/kg/id/state/{state}> skos:exactMatch ?wd ;
                       kg:capital/skos:prefLabel ?cap }}""")
    assert row["wd"] == f"http://www.wikidata.org/entity/{qid}"
    assert row["cap"] == capital


def _tenures(person: str) -> list[tuple[str, str, str | None]]:
    rows = _rows(f"""SELECT ?post ?start ?end WHERE {{
        ?t a kg:Tenure ; org:member <https://w3id.org/kg/id/person/{person}> ; kg:post/skos:prefLabel ?post .
        OPTIONAL {{ ?t schema:startDate ?start }} OPTIONAL {{ ?t schema:endDate ?end }} }} ORDER BY ?start""")
    return [(r["post"], r["start"], r["end"]) for r in rows]


def test_reference_shoigu_was_defence_minister_until_may_2024_then_security_council_secretary():
    tenures = _tenures("sergei-shoigu")
    posts = [post for post, _, _ in tenures]
    assert posts == ["Defence Minister of Russia", "Secretary of the Security Council of Russia"] \
        or [p.split(" of ")[0] for p in posts][0].startswith("Defen")
    assert tenures[0][2].startswith("2024-05")
    assert tenures[1][1].startswith("2024-05") and tenures[1][2] is None


def test_reference_choe_son_hui_is_foreign_minister_of_north_korea_since_2022():
    (post, start, end), = [t for t in _tenures("choe-son-hui") if "Foreign" in t[0]]
    assert start.startswith("2022-06") and end is None
    assert "North Korea" in post


def test_reference_partnership_treaty_binds_russia_and_north_korea():
    rows = _rows("""SELECT ?party WHERE {
        agreement:rus-prk-comprehensive-strategic-partnership kg:party ?party }""")
    assert {r["party"].rsplit("/", 1)[-1] for r in rows} == {"rus", "prk"}


def test_reference_gazetteer_names_resolve_to_one_entity_each():
    gazetteer = load_gazetteer()
    assert gazetteer.names["DPRK"][0].endswith("/state/prk")
    assert gazetteer.names["North Korean"] == ("https://w3id.org/kg/id/state/prk", "demonym")
    assert gazetteer.capital_of["https://w3id.org/kg/id/place/pyongyang"].endswith("/state/prk")
    # Names resolved in context are the generic names the KB declares (kg:genericName), no others.
    generic = {r["name"] for r in _rows("SELECT DISTINCT ?name WHERE { ?agreement kg:genericName ?name }")}
    assert set(gazetteer.shared) == generic
    assert {"Comprehensive Strategic Partnership Treaty", "mutual defence treaty"} <= generic
    assert set(gazetteer.shared["Reciprocal Access Agreement"]) == {
        f"https://w3id.org/kg/id/agreement/{slug}-reciprocal-access" for slug in ("aus-jpn", "gbr-jpn", "jpn-phl")}
