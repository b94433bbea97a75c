# Publishes the sweeper's message to the jobs topic on a schedule: the sweeper republishes jobs
# stranded by a crash or a lost publish (docs/decisions/2026-11-25-async-jobs.md).
resource "google_cloud_scheduler_job" "this" {
  project     = var.project_id
  region      = var.region
  name        = var.name
  description = var.description
  schedule    = var.schedule
  time_zone   = "Etc/UTC"
  paused      = var.paused

  retry_config {
    retry_count = 0 # the next tick is the retry
  }

  pubsub_target {
    topic_name = var.topic_id
    data       = base64encode(var.data)
    attributes = var.attributes
  }
}
