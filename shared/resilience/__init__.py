"""Resilience around upstream calls: retries, circuit breakers, failover, hedging."""
