"""F1 floors of the evaluation gate: per field, they may only go up.

The floors file (``gold/floors.json``) has sections (``all``: every gold
article of the repository; ``seeds``: the five seed articles; ``body_by_kind``:
body F1 per input kind), each mapping a field name to the lowest F1 the
pipeline may score. ``raised_floors`` lifts each floor to the score just
measured, never lowers one.
"""

from __future__ import annotations

import json
from pathlib import Path

from .evaluate import Evaluation

# Scores are floored a little below the measured value so that a floor does
# not fail on rounding noise.
FLOOR_MARGIN = 0.005


def load_floors(path: Path, section: str = "all") -> dict[str, float]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    floors = data.get(section, {})
    return {name: float(value) for name, value in floors.items()}


def check_floors(evaluation: Evaluation, floors: dict[str, float]) -> list[str]:
    """One message per field whose F1 is below its floor (or was not scored)."""
    failures = []
    for name, floor in sorted(floors.items()):
        counts = evaluation.totals.get(name)
        if counts is None:
            failures.append(f"{name}: not scored (floor {floor:.3f})")
        elif counts.f1 + 1e-9 < floor:
            failures.append(f"{name}: F1 {counts.f1:.3f} < floor {floor:.3f}")
    return failures


def raised_floors(evaluation: Evaluation, floors: dict[str, float]) -> dict[str, float]:
    """Each floor lifted to the measured F1 (less a margin); none lowered."""
    lifted = dict(floors)
    for name, counts in evaluation.totals.items():
        candidate = round(max(counts.f1 - FLOOR_MARGIN, 0.0), 3)
        lifted[name] = max(lifted.get(name, 0.0), candidate)
    return lifted


def save_raised_floors(path: Path, section: str, evaluation: Evaluation) -> dict[str, float]:
    """Raise one section of the floors file in place; other sections are kept."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[section] = raised_floors(evaluation, data.get(section, {}))
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data[section]
