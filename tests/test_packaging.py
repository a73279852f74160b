"""`pip install .` gives a working kg: the wheel carries the ontology, reference KB and data."""

import subprocess
import sys
import zipfile

import pytest

from helpers import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(REPO)], check=True, timeout=300)
    (path,) = out.glob("kg-*.whl")
    return path


def test_packaging_wheel_ships_ontology_reference_queries_data_and_samples(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ["kg/ontology/kg.ttl", "kg/ontology/plover.ttl", "kg/ontology/shapes.ttl",
                     "kg/ontology/reference/states.ttl", "kg/ontology/reference/officials.ttl",
                     "kg/queries/meetings.rq", "kg/data/triggers.toml", "kg/data/gazetteer.rq",
                     "kg/samples/01-choe-moscow-october-2025.md", "kg/py.typed"]:
        assert required in names, required


def test_packaging_installed_wheel_runs_kg_end_to_end(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, timeout=300)
    # Run from outside the source tree with the wheel's copy first on the path.
    launcher = (f"import sys; sys.path.insert(0, {str(target)!r}); import kg; "
                f"assert kg.__file__.startswith({str(target)!r}), kg.__file__; "
                "from kg.cli import main; sys.argv[0] = 'kg'; main()")
    store = str(tmp_path / "s")
    ingest = subprocess.run([sys.executable, "-c", launcher, "ingest", "--samples", "--store", store, "-q"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    query = subprocess.run([sys.executable, "-c", launcher, "query", "meetings", "--param", "who=Lavrov",
                            "--format", "csv", "--store", store],
                           cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert query.returncode == 0, query.stderr
    assert "Sergei Lavrov" in query.stdout and "Moscow" in query.stdout
