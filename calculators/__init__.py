"""Back-of-the-envelope estimators for system design interviews, tested natively and run in the browser.

Public API: :data:`REGISTRY` (calculator id → declaration) and :func:`evaluate`.
"""

from calculators.bridge import handle_json
from calculators.evaluation import evaluate, evaluate_json
from calculators.registry import REGISTRY
from calculators.summary import markdown_json, to_markdown

__all__ = ["REGISTRY", "evaluate", "evaluate_json", "handle_json", "markdown_json", "to_markdown"]
__version__ = "0.1.0"
