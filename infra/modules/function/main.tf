locals {
  # The regional serverless-runtimes base image (google-22-full stack) of the pinned Python
  base_image   = "${var.region}-docker.pkg.dev/serverless-runtimes/google-22-full/runtimes/${var.runtime}"
  service_name = "${var.prefix}-${var.name}"
  # Canary: with a stable revision named, it keeps (100 - canary_percent) and the newest revision
  # gets canary_percent. Rollback = canary_percent 0 (everything back on the stable revision).
  split = var.traffic.stable_revision != null
  traffic = concat(
    local.split && var.traffic.canary_percent < 100 ? [{
      type     = "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION"
      revision = var.traffic.stable_revision
      percent  = 100 - var.traffic.canary_percent
    }] : [],
    !local.split || var.traffic.canary_percent > 0 ? [{
      type     = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST"
      revision = null
      percent  = local.split ? var.traffic.canary_percent : 100
    }] : [],
  )
}

# A Cloud Run function (Cloud Functions 2nd gen through the Cloud Run API): Cloud Build turns the
# shared source archive into an image with the Python buildpack, and `function_target` picks the
# entry point in main.py. The Run API (not cloudfunctions2) is used because it exposes what the
# deployment needs: CPU always allocated, per-revision names and a traffic split.
resource "google_cloud_run_v2_service" "this" {
  project             = var.project_id
  location            = var.region
  name                = local.service_name
  description         = var.description
  ingress             = var.ingress
  deletion_protection = var.deletion_protection
  labels              = merge(var.labels, { "gatehouse-function" = var.name })

  build_config {
    source_location          = "gs://${var.source_archive.bucket}/${var.source_archive.object}"
    function_target          = var.entry_point
    base_image               = local.base_image
    enable_automatic_updates = true
    service_account          = var.build_service_account
  }

  template {
    revision                         = var.revision_suffix == null ? null : "${local.service_name}-${var.revision_suffix}"
    service_account                  = var.service_account_email
    timeout                          = "${var.timeout_s}s"
    max_instance_request_concurrency = var.scaling.concurrency
    execution_environment            = "EXECUTION_ENVIRONMENT_GEN2"
    labels                           = var.labels

    scaling {
      min_instance_count = var.scaling.min_instances
      max_instance_count = var.scaling.max_instances
    }

    containers {
      image          = "scratch" # replaced by the image built from source (see lifecycle)
      base_image_uri = local.base_image

      resources {
        limits = {
          cpu    = var.resources.cpu
          memory = var.resources.memory
        }
        # false = CPU always allocated: usage flushes and batched cache writes run after the response
        cpu_idle          = !var.cpu_always_allocated
        startup_cpu_boost = true
      }

      dynamic "env" {
        for_each = var.env
        content {
          name  = env.key
          value = env.value
        }
      }

      # Secrets by name and pinned version, never by value. Cloud Run resolves each one when it
      # creates the revision: a missing secret or version fails that revision, so the deploy stops
      # before any traffic moves to it.
      dynamic "env" {
        for_each = var.secret_env
        content {
          name = env.key
          value_source {
            secret_key_ref {
              secret  = env.value.secret
              version = env.value.version
            }
          }
        }
      }

      dynamic "startup_probe" {
        for_each = var.health_path == null ? [] : [var.health_path]
        content {
          initial_delay_seconds = 0
          period_seconds        = 2
          failure_threshold     = 30
          timeout_seconds       = 2
          http_get {
            path = startup_probe.value
          }
        }
      }
    }
  }

  dynamic "traffic" {
    for_each = local.traffic
    content {
      type     = traffic.value.type
      revision = traffic.value.revision
      percent  = traffic.value.percent
    }
  }

  lifecycle {
    # The build sets the image; Terraform owns the source location and everything else.
    ignore_changes = [template[0].containers[0].image, client, client_version]
  }
}

resource "google_cloud_run_v2_service_iam_member" "invokers" {
  for_each = toset(var.invokers)
  project  = var.project_id
  location = var.region
  name     = google_cloud_run_v2_service.this.name
  role     = "roles/run.invoker"
  member   = each.value
}
