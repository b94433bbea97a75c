"""Policy: PII/secret redaction with reversible placeholders, injection screening, output checks.

Modules: checksums, detectors, names (person names, street addresses), profiles (tenant
`PolicySettings`), pseudonymize (placeholders and the streaming restorer), injection, engine,
body (Gemini body walking), stages (pipeline stages), service (the policy function), remote (the
seam for network recognizers). Nothing is imported here: `shared.tenants` imports `profiles`, and
the stages import the pipeline, which imports the tenants.
"""

from pathlib import Path

from shared import native

# where the package's data files are (models, word lists): a compiled module's own `__file__` is in .native/
DIRECTORY = Path(__file__).resolve().parent

# the modules compiled with mypyc (`python -m dev.native`), when built from these very sources: they
# then import instead of the .py files next to this one (shared/native.py says when they do not)
native.attach(__path__, __name__)
