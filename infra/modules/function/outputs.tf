output "name" {
  description = "Service name."
  value       = google_cloud_run_v2_service.this.name
}

output "uri" {
  description = "The service's own URL (run.app)."
  value       = google_cloud_run_v2_service.this.uri
}

output "region" {
  description = "Region of the service."
  value       = var.region
}

output "latest_revision" {
  description = "Newest ready revision: name it as traffic.stable_revision before the next canary."
  value       = google_cloud_run_v2_service.this.latest_ready_revision
}
