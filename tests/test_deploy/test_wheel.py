"""The wheel (what the image installs) ships the product: no development tooling, the data the
worker reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.test_deploy.support import ROOT


def test_the_wheel_ships_the_product_and_no_development_tooling(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("newswire-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    packages = {name.split("/")[0] for name in names if not name.startswith("newswire-")}
    assert packages == {"newswire"}  # not newswire_dev: broker, run cluster, generator
    assert "newswire/stream/data/warm-up.txt" in names  # the worker's warm-up reads it
    assert "newswire/enrich/data/gazetteer.json.gz" in names
    assert not [name for name in names if "heldout" in name or "devtools" in name]
