"""Crisis risk assessment for posts: `assess(text, title=...)` -> Assessment.

A transparent rules-and-context engine in pure Python; see engine.py for how it works
and its known failure modes.
"""

from mindwell.safety.risk.engine import assess
from mindwell.safety.risk.model import Assessment, Reason, RiskLevel

__all__ = ["Assessment", "Reason", "RiskLevel", "assess"]
