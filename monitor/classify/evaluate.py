"""Scoring predictions against gold developments, as the contract's `score.py` does.

Per article, predictions and gold lines pair on (case, type), equal dates
first, then compatible, then any; optional gold lines count neither way.
Pure functions over the JSON-line dicts of `monitor extract` and gold files.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Line = Mapping[str, Any]


def _compatible(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and (a.startswith(b) or b.startswith(a))


def _rank(p: str | None, g: str | None) -> int:
    return 0 if p == g else 1 if _compatible(p, g) else 2


@dataclass
class Score:
    """Counts per type, and how many matched dated gold lines had compatible / equal dates."""

    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    dated: int = 0
    compatible: int = 0
    exact: int = 0
    # For each prediction: whether it matched a gold line (optional ones included).
    outcomes: list[tuple[Line, bool]] = field(default_factory=list)

    def __add__(self, other: Score) -> Score:
        """Two scorings pooled: counts, dates and outcomes added."""
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for part in (self, other):
            for kind, c in part.counts.items():
                counts[kind].update(c)
        return Score(
            counts,
            self.dated + other.dated,
            self.compatible + other.compatible,
            self.exact + other.exact,
            [*self.outcomes, *other.outcomes],
        )

    def total(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for c in self.counts.values():
            total.update(c)
        return total

    @staticmethod
    def prf(c: Mapping[str, int]) -> tuple[float, float, float]:
        tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def f1(self) -> float:
        return self.prf(self.total())[2]

    def table(self) -> str:
        rows = [f"{'type':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}"]
        for name in sorted(self.counts):
            c = self.counts[name]
            p, r, f = self.prf(c)
            rows.append(
                f"{name:<18} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {p:6.3f} {r:6.3f} {f:6.3f}"
            )
        t = self.total()
        p, r, f = self.prf(t)
        rows.append(
            f"{'all':<18} {t['tp']:>4} {t['fp']:>4} {t['fn']:>4} {p:6.3f} {r:6.3f} {f:6.3f}"
        )
        share = f"{self.compatible / self.dated:.3f}" if self.dated else "n/a"
        rows.append(
            f"dates: {self.compatible}/{self.dated} compatible ({share}), "
            f"{self.exact}/{self.dated} exact"
        )
        rows.append(f"F1 {f:.3f}")
        return "\n".join(rows)


def score(preds: Iterable[Line], golds: Iterable[Line]) -> Score:
    """Match predictions to gold per (article, case, type), as the contract's scorer does."""
    by_key: dict[tuple[str, str, str], tuple[list[Line], list[Line]]] = defaultdict(
        lambda: ([], [])
    )
    for p in preds:
        by_key[(p["article"], p["case"], p["type"])][0].append(p)
    for g in golds:
        by_key[(g["article"], g["case"], g["type"])][1].append(g)
    result = Score()
    for (_, _, kind), (ps, gs) in by_key.items():
        pairs = sorted(
            (_rank(p.get("date"), g.get("date")), i, j)
            for i, p in enumerate(ps)
            for j, g in enumerate(gs)
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for r, i, j in pairs:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            result.outcomes.append((ps[i], True))
            if gs[j].get("optional"):
                continue
            result.counts[kind]["tp"] += 1
            if gs[j].get("date") is not None:
                result.dated += 1
                result.exact += r == 0
                result.compatible += r <= 1
        result.outcomes.extend((p, False) for i, p in enumerate(ps) if i not in used_p)
        result.counts[kind]["fp"] += len(ps) - len(used_p)
        result.counts[kind]["fn"] += sum(
            1 for j, g in enumerate(gs) if j not in used_g and not g.get("optional")
        )
    return result


def reliability(outcomes: Sequence[tuple[Line, bool]], edges: Sequence[float]) -> list[str]:
    """Rows of a reliability table: per confidence band, how many predictions were right."""
    rows = [f"{'confidence':<12} {'n':>5} {'right':>6} {'share':>6}"]
    bounds = [*edges, 1.0001]
    for lo, hi in itertools.pairwise(bounds):
        band = [ok for p, ok in outcomes if lo <= float(p.get("confidence", 0)) < hi]
        share = f"{sum(band) / len(band):.3f}" if band else "  n/a"
        label = f"{lo:.2f}-{min(hi, 1.0):.2f}"
        rows.append(f"{label:<12} {len(band):>5} {sum(band):>6} {share:>6}")
    high = [ok for p, ok in outcomes if float(p.get("confidence", 0)) >= 0.9]
    if high:
        rows.append(f">= 0.90: {sum(high)}/{len(high)} right ({sum(high) / len(high):.3f})")
    return rows
