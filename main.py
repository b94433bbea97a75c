"""Entry points that Cloud Functions and functions-framework load (`--target <name>`)."""

from functions.admin import admin
from functions.ingress import ingress
from functions.policy import policy

__all__ = ["admin", "ingress", "policy"]
