output "id" {
  description = "Scheduler job id."
  value       = google_cloud_scheduler_job.this.id
}
