"""Entry points that Cloud Functions and functions-framework load (`--target <name>`)."""

from functions.generate import generate, generate_deadletter
from functions.ingress import ingress

__all__ = ["generate", "generate_deadletter", "ingress"]
