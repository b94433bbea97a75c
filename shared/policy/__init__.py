"""Policy: PII/secret redaction with reversible placeholders, injection screening, output checks.

Modules: checksums, detectors, names (person names, street addresses), profiles (tenant
`PolicySettings`), pseudonymize (placeholders and the streaming restorer), injection, engine,
body (Gemini body walking), stages (pipeline stages), service (the policy function), remote (the
seam for network recognizers). Nothing is imported here: `shared.tenants` imports `profiles`, and
the stages import the pipeline, which imports the tenants.
"""
