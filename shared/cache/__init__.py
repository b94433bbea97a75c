"""The response cache: L1 per-instance memory, L2 Firestore exact, L3 Firestore semantic (opt-in)."""
