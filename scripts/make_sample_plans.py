"""Write the sample strategies in the interchange format from the gold annotations.

Usage: python scripts/make_sample_plans.py [SHARED_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hedef.domain import interchange  # noqa: E402
from tests.gold_plans import plan_from_gold  # noqa: E402

shared = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared"
out = REPO / "src/hedef/sample_data/plans"
for gold in sorted((shared / "gold").glob("*.json")):
    plan = plan_from_gold(gold, shared / "seeds")
    (out / f"{plan.code}.json").write_text(interchange.dumps(plan), "utf-8")
    print(f"{plan.code}: {len(plan.measures)} measures, {len(plan.indicators)} indicators")
