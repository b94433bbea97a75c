output "dashboard" {
  description = "Dashboard id."
  value       = google_monitoring_dashboard.this.id
}

output "metrics" {
  description = "Log-based metric names."
  value = [for m in [
    google_logging_metric.latency, google_logging_metric.requests, google_logging_metric.errors,
    google_logging_metric.tokens, google_logging_metric.cost, google_logging_metric.breaker_opens,
    google_logging_metric.dead_letters, google_logging_metric.budget_exceeded,
  ] : m.name]
}
