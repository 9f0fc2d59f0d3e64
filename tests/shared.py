"""Where the workplace's shared material (corpora, fixtures) lives: beside the clone, or
wherever MINDWELL_SHARED_DIR points."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MINDWELL_SHARED_DIR") or REPO.parent / "shared")
CORPORA = SHARED / "corpora"

if not CORPORA.is_dir():
    raise RuntimeError(
        f"The shared corpora are not at {CORPORA}. Put the shared/ folder beside the clone "
        "or set MINDWELL_SHARED_DIR."
    )
