"""Cloud Functions entry points: thin adapters from the framework to shared/."""
