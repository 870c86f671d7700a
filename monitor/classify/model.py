"""The learned scorer: a logistic model over candidate features, shipped as a small JSON artifact.

Scoring needs no library: a sum of weights through the logistic function,
then the calibration map fitted on held-out folds. The artifact is written
by `monitor classifier train` (`monitor.classify.train`) and versioned by
the hash of its content, which every recorded event carries.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

ARTIFACT = "model.json"


class ModelError(ValueError):
    """The model artifact is missing or malformed."""


@dataclass(frozen=True)
class Model:
    """Feature weights, the decision threshold and a calibration map (raw → reliable)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    calibration: Sequence[tuple[float, float]] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return f"model-{digest(self.as_dict())[:12]}"

    def raw(self, features: Iterable[str]) -> float:
        """The uncalibrated probability that a candidate is a development."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def confidence(self, raw: float) -> float:
        """The calibrated probability: how often candidates scored like this were right, kept
        within [0.01, 0.99] (a finite sample never shows certainty)."""
        return max(0.01, min(0.99, self._calibrated(raw)))

    def _calibrated(self, raw: float) -> float:
        if not self.calibration:
            return raw
        xs = [x for x, _ in self.calibration]
        i = bisect.bisect_right(xs, raw)
        if i == 0:
            return self.calibration[0][1]
        if i == len(xs):
            return self.calibration[-1][1]
        (x0, y0), (x1, y1) = self.calibration[i - 1], self.calibration[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (raw - x0) / (x1 - x0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": 1,
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 6),
            "calibration": [[round(x, 6), round(y, 6)] for x, y in self.calibration],
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
            "meta": dict(self.meta),
        }

    def dumps(self) -> str:
        return json.dumps(self.as_dict(), indent=0, sort_keys=True) + "\n"


def digest(data: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def from_dict(data: Mapping[str, Any]) -> Model:
    try:
        return Model(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            calibration=tuple((float(x), float(y)) for x, y in data.get("calibration", [])),
            meta=dict(data.get("meta", {})),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"malformed classifier model: {exc}") from exc


def load(path: Path | None = None) -> Model:
    """The shipped model (inside the package), or the one at `path`."""
    try:
        if path is None:
            text = resources.files("monitor.classify").joinpath(ARTIFACT).read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        return from_dict(json.loads(text))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot read classifier model {path or ARTIFACT}: {exc}") from exc


_SHIPPED: Model | None = None


def shipped() -> Model:
    """The packaged model, read once per process."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = load()
    return _SHIPPED
