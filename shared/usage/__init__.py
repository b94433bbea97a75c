"""Usage: the accounting stage, the per-instance aggregator and the Firestore ledger."""
