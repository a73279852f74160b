from kg.iris import article_iri, entity_iri, event_iri, graph_iri, normalise_name


def test_iris_are_deterministic_and_fold_name_variants():
    assert entity_iri("Person", "Alexander Kots") == entity_iri("Person", "ALEXANDER  KOTS")
    assert entity_iri("Person", "Kots") != entity_iri("Organization", "Kots")
    assert normalise_name("Choe Son-hui") == normalise_name("choe son hui")


def test_iris_event_ignores_participant_order_but_not_the_sentence():
    a = event_iri("k", "Meeting", ("x", "y"), 10)
    assert a == event_iri("k", "Meeting", ("y", "x"), 10)
    assert a != event_iri("k", "Meeting", ("x", "y"), 11)


def test_iris_article_and_graph_differ_but_share_a_key():
    assert article_iri("k").rsplit("/", 1)[1] == graph_iri("k").rsplit("/", 1)[1]
    assert article_iri("k") != graph_iri("k")
