data "google_project" "this" {
  project_id = var.project_id
}

locals {
  # Pub/Sub's service agent forwards exhausted messages: it must publish to the dead-letter topic
  # and subscribe (acknowledge) on the source subscription.
  pubsub_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

# Messages carry job ids only, never prompts; kms_key turns on CMEK.
resource "google_pubsub_topic" "jobs" {
  project                    = var.project_id
  name                       = var.topic_name
  kms_key_name               = var.kms_key
  message_retention_duration = "${var.message_retention_s}s"
  labels                     = var.labels
}

resource "google_pubsub_topic" "dead_letter" {
  project                    = var.project_id
  name                       = var.dead_letter_topic_name
  kms_key_name               = var.kms_key
  message_retention_duration = "${var.message_retention_s}s"
  labels                     = var.labels
}

# Terraform owns the subscription (an Eventarc trigger's own subscription cannot take a dead-letter
# policy from the provider): OIDC-authenticated push to the function, retry with backoff, and
# dead-lettering after max_delivery_attempts.
resource "google_pubsub_subscription" "push" {
  project                    = var.project_id
  name                       = "${var.topic_name}-push"
  topic                      = google_pubsub_topic.jobs.id
  ack_deadline_seconds       = var.ack_deadline_s
  message_retention_duration = "${var.message_retention_s}s"
  labels                     = var.labels

  push_config {
    push_endpoint = var.push_endpoint
    oidc_token {
      service_account_email = var.push_service_account_email
      audience              = var.push_audience
    }
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  retry_policy {
    minimum_backoff = "${var.retry_backoff_s.min}s"
    maximum_backoff = "${var.retry_backoff_s.max}s"
  }

  expiration_policy {
    ttl = "" # never expires for inactivity
  }
}

resource "google_pubsub_subscription" "dead_letter_push" {
  project                    = var.project_id
  name                       = "${var.dead_letter_topic_name}-push"
  topic                      = google_pubsub_topic.dead_letter.id
  ack_deadline_seconds       = var.ack_deadline_s
  message_retention_duration = "${var.message_retention_s}s"
  labels                     = var.labels

  push_config {
    push_endpoint = var.dead_letter_push_endpoint
    oidc_token {
      service_account_email = var.push_service_account_email
      audience              = var.dead_letter_push_audience
    }
  }

  retry_policy {
    minimum_backoff = "${var.retry_backoff_s.min}s"
    maximum_backoff = "${var.retry_backoff_s.max}s"
  }

  expiration_policy {
    ttl = ""
  }
}

resource "google_pubsub_topic_iam_member" "agent_publishes_dead_letters" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_agent
}

resource "google_pubsub_subscription_iam_member" "agent_acks_source" {
  project      = var.project_id
  subscription = google_pubsub_subscription.push.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_agent
}

# The service agent signs the OIDC tokens of the push subscriptions as the push identity.
resource "google_service_account_iam_member" "agent_mints_push_tokens" {
  service_account_id = "projects/${var.project_id}/serviceAccounts/${var.push_service_account_email}"
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_agent
}

resource "google_pubsub_topic_iam_member" "publishers" {
  for_each = toset(var.publishers)
  project  = var.project_id
  topic    = google_pubsub_topic.jobs.name
  role     = "roles/pubsub.publisher"
  member   = each.value
}
