"""Spend control: quotas and budgets that hold across instances (docs/decisions/2026-11-29-spend-control.md).

config.py     LimitSettings, the tenant's `limits` field
windows.py    fixed windows (rate) and UTC days/months (budgets)
estimate.py   token and cost reservations without countTokens
store.py      shared state in Firestore: block counters, concurrency leases
counter.py    the in-instance pool of a windowed limit (the fast path)
plan.py       a tenant's limits resolved once per tenant object; price rows per model
slots.py      concurrency slots leased across instances
limiter.py    admission and settlement of one call
refusals.py   the 429s: messages naming the limit and window, X-RateLimit-* headers
stage.py      the pipeline stage
report.py     the project's Vertex AI TPM quota against the tenants' shares
idempotency.py  Idempotency-Key on generate calls
"""
