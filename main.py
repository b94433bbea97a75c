"""Entry points that Cloud Functions and functions-framework load (`--target <name>`)."""

from functions.admin import admin
from functions.generate import generate, generate_deadletter
from functions.ingress import ingress
from functions.policy import policy

__all__ = ["admin", "generate", "generate_deadletter", "ingress", "policy"]
