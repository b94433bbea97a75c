output "topic" {
  description = "Jobs topic name."
  value       = google_pubsub_topic.jobs.name
}

output "topic_id" {
  description = "Jobs topic id (projects/{p}/topics/{name})."
  value       = google_pubsub_topic.jobs.id
}

output "dead_letter_topic" {
  description = "Dead-letter topic name."
  value       = google_pubsub_topic.dead_letter.name
}

output "subscription" {
  description = "The push subscription of the jobs topic."
  value       = google_pubsub_subscription.push.name
}

output "dead_letter_subscription" {
  description = "The push subscription of the dead-letter topic."
  value       = google_pubsub_subscription.dead_letter_push.name
}
