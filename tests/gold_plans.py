"""Plans built from the gold annotations in tests/fixtures/gold, for tests and benchmarks."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hedef.domain.plans.model import (
    AgencyAlias,
    ApprovingAct,
    HeadlineIndicator,
    Measure,
    Period,
    PlanNode,
    SourceDocument,
    Stage,
    Strategy,
    parent_number,
)
from hedef.domain.plans.targets import targets_in
from tests.fixtures import SAMPLE_DOCUMENTS_DIR

# The codes of the two sample strategies.
CONCEPT = "digital-development-concept"
ECONOMY = "digital-economy-2026-2029"
# What the gold shape does not carry: a stable code.
DOCUMENT_CODES = {"001_53070439b15b0152": CONCEPT, "002_342d9e6260cb9729": ECONOMY}


def plan_from_gold(gold_path: Path, documents_dir: Path = SAMPLE_DOCUMENTS_DIR) -> Strategy:
    """The plan of a gold file; the source document (in ``documents_dir``) gives its hash."""
    gold = json.loads(gold_path.read_text("utf-8"))
    stem = gold_path.stem
    code = DOCUMENT_CODES[stem]
    act = ApprovingAct(**gold["act"]) if gold.get("act") else None
    document = documents_dir / gold["document"]
    goals = [PlanNode(g["number"], g["title"], "goal") for g in gold["goals"]]
    goal_numbers = {g.number for g in goals}
    directions = [
        PlanNode(d["number"], d["title"], "direction", parent_number(d["number"], goal_numbers))
        for d in gold["directions"]
    ]
    numbers = goal_numbers | {d.number for d in directions}
    measures = []
    for m in gold["measures"]:
        results = {stage: m["results"][stage.value] for stage in Stage}
        targets = []
        seen: set[str] = set()
        for stage in Stage:
            if results[stage] in seen:  # a cell merged across stages states its targets once
                continue
            seen.add(results[stage])
            targets.extend(targets_in(results[stage], stage))
        period = m["period"]
        measures.append(
            Measure(
                number=m["number"],
                title=m["title"],
                parent=parent_number(m["number"], numbers),
                lead=tuple(m["lead"]),
                co_executors=tuple(m["co_executors"]),
                period=Period(period["start"], period["end"], period["text"]),
                results=results,
                targets=tuple(targets),
                notes=m.get("notes", ""),
            )
        )
    indicators = [
        HeadlineIndicator(
            number=i["number"],
            name=i["name"],
            unit=i["unit"],
            targets={int(year): float(value) for year, value in i["targets"].items()},
        )
        for i in gold["target_indicators"]
    ]
    return Strategy(
        code=code,
        title=gold["title"],
        period_start=gold["period"][0],
        period_end=gold["period"][1],
        source=SourceDocument(gold["document"], hashlib.sha256(document.read_bytes()).hexdigest()),
        act=act,
        agencies=tuple(AgencyAlias(a["acronym"], a["name"]) for a in gold["agencies"]),
        nodes=tuple(goals + directions),
        measures=tuple(measures),
        indicators=tuple(indicators),
    )
