"""Ingress handlers per API family (Gemini REST, OpenAI-compatible), bound to one Gateway."""
