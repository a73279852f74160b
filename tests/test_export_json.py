import json
from importlib.resources import files

import jsonschema
import pytest

from kg.export.json import extraction_json
from kg.samples import samples_dir
from kg.triples import event_node

pytestmark = pytest.mark.slow


def test_export_json_every_sample_matches_the_schema_and_ids_resolve(extractor):
    from kg.read import iter_articles

    schema = json.loads((files("kg") / "data" / "extraction.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for extraction in extractor.extract_all(iter_articles([str(samples_dir())])):
        ids = [event_node(e, extraction.article.key) for e in extraction.events]
        record = extraction_json(extraction, gazetteer=extractor.gazetteer, event_ids=ids)
        jsonschema.validate(record, schema)
        known = {e["id"] for e in record["entities"]}
        for event in record["events"]:
            assert set(event["participants"]) <= known
            assert extraction.article.text[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["text"]
        for entity in record["entities"]:
            for mention in entity["mentions"]:
                assert extraction.article.text[mention["start"]:mention["end"]] == mention["text"]
