"""The model catalog: what Gatehouse knows about each model, and a tenant's model access settings."""
