"""The local stack: Vertex AI simulator, Secret Manager stand-in, launcher and seed data."""
