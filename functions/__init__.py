"""Cloud Functions entry points: thin adapters from the framework to shared/."""

import os

# Pydantic looks for plugins in every installed distribution's entry points when it builds its first
# validator (cold start); Gatehouse uses none. An operator who wants one sets the variable to "".
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
