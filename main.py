"""Entry points that Cloud Functions and functions-framework load (`--target <name>`)."""

from functions.ingress import ingress
from functions.policy import policy

__all__ = ["ingress", "policy"]
