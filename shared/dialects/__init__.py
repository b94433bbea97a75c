"""API surfaces ("dialects"): each parses its requests into a Gemini body and renders results."""
