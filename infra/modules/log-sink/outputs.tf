output "dataset" {
  description = "BigQuery dataset id."
  value       = google_bigquery_dataset.this.dataset_id
}

output "table" {
  description = "Table the sink writes (created by the first exported line)."
  value       = "${var.project_id}.${google_bigquery_dataset.this.dataset_id}.${local.table}"
}

output "cost_query" {
  description = "Standard SQL: cost per tenant and day over the last 31 days."
  value       = local.cost_query
}
