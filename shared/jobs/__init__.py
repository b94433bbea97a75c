"""The async lane: jobs submitted over HTTP, run once by the Pub/Sub-triggered generate function."""
