locals {
  # Gatehouse's structured request line on any of its services (see README "Observability and cost")
  services     = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=~\"^${var.prefix}-\""
  request_line = "${local.services} AND jsonPayload.message=\"request\""
  metric       = "logging.googleapis.com/user"
}

resource "google_logging_metric" "latency" {
  project         = var.project_id
  name            = "${var.prefix}/request_latency"
  description     = "Gatehouse request latency (total, ms), by function and cache outcome."
  filter          = local.request_line
  value_extractor = "EXTRACT(jsonPayload.timings_ms.total)"
  label_extractors = {
    service = "EXTRACT(resource.labels.service_name)"
    cache   = "EXTRACT(jsonPayload.cache)"
  }
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
    unit        = "ms"
    labels {
      key = "service"
    }
    labels {
      key = "cache"
    }
  }
  bucket_options {
    exponential_buckets {
      num_finite_buckets = 40
      growth_factor      = 1.4
      scale              = 1
    }
  }
}

resource "google_logging_metric" "requests" {
  project     = var.project_id
  name        = "${var.prefix}/requests"
  description = "Gatehouse requests by status class, tenant-free labels (cardinality stays bounded)."
  filter      = local.request_line
  label_extractors = {
    status_class = "REGEXP_EXTRACT(httpRequest.status, \"^([0-9])\")"
    cache        = "EXTRACT(jsonPayload.cache)"
    dialect      = "EXTRACT(jsonPayload.dialect)"
  }
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key = "status_class"
    }
    labels {
      key = "cache"
    }
    labels {
      key = "dialect"
    }
  }
}

resource "google_logging_metric" "errors" {
  project     = var.project_id
  name        = "${var.prefix}/errors"
  description = "Gatehouse error answers by HTTP status (the error class)."
  filter      = "${local.request_line} AND httpRequest.status>=400"
  label_extractors = {
    status = "EXTRACT(httpRequest.status)"
  }
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key = "status"
    }
  }
}

resource "google_logging_metric" "tokens" {
  project         = var.project_id
  name            = "${var.prefix}/output_tokens"
  description     = "Output (candidate) tokens per request, by served model."
  filter          = "${local.request_line} AND jsonPayload.tokens.candidates>=0"
  value_extractor = "EXTRACT(jsonPayload.tokens.candidates)"
  label_extractors = {
    model = "EXTRACT(jsonPayload.served_model)"
  }
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
    unit        = "1"
    labels {
      key = "model"
    }
  }
  bucket_options {
    exponential_buckets {
      num_finite_buckets = 30
      growth_factor      = 2
      scale              = 1
    }
  }
}

resource "google_logging_metric" "cost" {
  project         = var.project_id
  name            = "${var.prefix}/cost_usd"
  description     = "Cost per request in USD (sum it for spend; cache hits are 0)."
  filter          = "${local.request_line} AND jsonPayload.cost.usd>=0"
  value_extractor = "EXTRACT(jsonPayload.cost.usd)"
  label_extractors = {
    model = "EXTRACT(jsonPayload.served_model)"
  }
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
    unit        = "USD"
    labels {
      key = "model"
    }
  }
  bucket_options {
    exponential_buckets {
      num_finite_buckets = 30
      growth_factor      = 2
      scale              = 0.000001
    }
  }
}

resource "google_logging_metric" "breaker_opens" {
  project     = var.project_id
  name        = "${var.prefix}/breaker_opens"
  description = "Circuit breakers that opened, by target."
  filter      = "${local.services} AND jsonPayload.message=\"circuit breaker state change\" AND jsonPayload.breaker.to=\"open\""
  label_extractors = {
    target = "EXTRACT(jsonPayload.breaker.target)"
  }
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key = "target"
    }
  }
}

resource "google_logging_metric" "dead_letters" {
  project     = var.project_id
  name        = "${var.prefix}/dead_letters"
  description = "Jobs marked failed by the dead-letter handler."
  filter      = "${local.services} AND jsonPayload.message=\"job dead-lettered\""
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
  }
}

resource "google_logging_metric" "budget_exceeded" {
  project     = var.project_id
  name        = "${var.prefix}/budget_exceeded"
  description = "Soft budgets found exceeded (`budget_exceeded` events, logged once per tenant, budget window and instance; the call is still served), by budget."
  filter      = "${local.services} AND jsonPayload.event=\"budget_exceeded\""
  label_extractors = {
    budget = "EXTRACT(jsonPayload.budget)"
  }
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    unit        = "1"
    labels {
      key = "budget"
    }
  }
}

resource "google_monitoring_notification_channel" "email" {
  for_each     = toset(var.notification_emails)
  project      = var.project_id
  display_name = "Gatehouse alerts: ${each.value}"
  type         = "email"
  labels = {
    email_address = each.value
  }
}

locals {
  channels = concat([for c in google_monitoring_notification_channel.email : c.id], var.notification_channels)
}

resource "google_monitoring_alert_policy" "error_rate" {
  project               = var.project_id
  display_name          = "Gatehouse ${var.prefix}: 5xx error rate above ${var.alerts.error_rate * 100}%"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content   = "More than ${var.alerts.error_rate * 100}% of Gatehouse answers are 5xx over 5 minutes. Check the dashboard's errors-by-status chart, breaker opens, and the upstream (Vertex AI) status; roll back a fresh canary (infra/modules/function README)."
    mime_type = "text/markdown"
  }
  conditions {
    display_name = "5xx share of requests"
    condition_threshold {
      filter             = "metric.type=\"${local.metric}/${google_logging_metric.requests.name}\" AND resource.type=\"cloud_run_revision\" AND metric.label.status_class=\"5\""
      denominator_filter = "metric.type=\"${local.metric}/${google_logging_metric.requests.name}\" AND resource.type=\"cloud_run_revision\""
      comparison         = "COMPARISON_GT"
      threshold_value    = var.alerts.error_rate
      duration           = "300s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
      denominator_aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "latency_p99" {
  project               = var.project_id
  display_name          = "Gatehouse ${var.prefix}: p99 latency above ${var.alerts.p99_latency_ms} ms"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content   = "p99 of Gatehouse's total request time is above ${var.alerts.p99_latency_ms} ms for 10 minutes. Upstream time dominates (Server-Timing upstream); check Vertex AI latency and the breakers."
    mime_type = "text/markdown"
  }
  conditions {
    display_name = "p99 request latency"
    condition_threshold {
      filter          = "metric.type=\"${local.metric}/${google_logging_metric.latency.name}\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.alerts.p99_latency_ms
      duration        = "600s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_PERCENTILE_99"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "spend_burn" {
  project               = var.project_id
  display_name          = "Gatehouse ${var.prefix}: spend above ${var.alerts.hourly_spend_usd} USD per hour"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content   = "Model spend through Gatehouse exceeded ${var.alerts.hourly_spend_usd} USD in an hour (budget burn). Find the tenant with the BigQuery cost query (infra/modules/log-sink) or the admin usage report."
    mime_type = "text/markdown"
  }
  conditions {
    display_name = "hourly spend"
    condition_threshold {
      filter          = "metric.type=\"${local.metric}/${google_logging_metric.cost.name}\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.alerts.hourly_spend_usd
      duration        = "0s"
      aggregations {
        alignment_period     = "3600s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "dead_letters" {
  project               = var.project_id
  display_name          = "Gatehouse ${var.prefix}: jobs dead-lettered"
  combiner              = "OR"
  notification_channels = local.channels
  documentation {
    content   = "Async jobs exhausted their Pub/Sub deliveries and were marked failed (`job dead-lettered` log lines carry the job id and the last error)."
    mime_type = "text/markdown"
  }
  conditions {
    display_name = "dead-letter arrivals"
    condition_threshold {
      filter          = "metric.type=\"${local.metric}/${google_logging_metric.dead_letters.name}\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.alerts.dead_letters
      duration        = "0s"
      aggregations {
        alignment_period     = "600s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "soft_budget" {
  project               = var.project_id
  display_name          = "Gatehouse ${var.prefix}: a tenant's soft budget is exceeded"
  combiner              = "OR"
  severity              = "WARNING"
  notification_channels = local.channels
  documentation {
    content   = "A tenant spent past a `soft` budget (`limits.daily_budget` or `limits.monthly_budget`): Gatehouse keeps serving it. Which tenant: the `budget_exceeded` log lines (`jsonPayload.event=\"budget_exceeded\"`: `tenant_id`, `budget`, `limit_usd`). Raise the budget, or set its mode to `hard` to refuse calls (429) until the next window, with the admin API or the `gatehouse` CLI."
    mime_type = "text/markdown"
  }
  conditions {
    display_name = "budget_exceeded events"
    condition_threshold {
      filter          = "metric.type=\"${local.metric}/${google_logging_metric.budget_exceeded.name}\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["metric.label.budget"]
      }
    }
  }
  alert_strategy {
    auto_close = "86400s"
  }
}

resource "google_monitoring_dashboard" "this" {
  project = var.project_id
  dashboard_json = jsonencode({
    displayName = "Gatehouse ${var.prefix}"
    mosaicLayout = {
      columns = 12
      tiles = [
        for i, w in [
          { title = "Requests by status class", metric = google_logging_metric.requests.name, reducer = "REDUCE_SUM", group = ["metric.label.status_class"], aligner = "ALIGN_RATE" },
          { title = "Errors by status", metric = google_logging_metric.errors.name, reducer = "REDUCE_SUM", group = ["metric.label.status"], aligner = "ALIGN_RATE" },
          { title = "Latency p50 / p99 (ms)", metric = google_logging_metric.latency.name, reducer = "REDUCE_PERCENTILE_99", group = ["metric.label.service"], aligner = "ALIGN_DELTA" },
          { title = "Cache outcome", metric = google_logging_metric.requests.name, reducer = "REDUCE_SUM", group = ["metric.label.cache"], aligner = "ALIGN_RATE" },
          { title = "Output tokens by model", metric = google_logging_metric.tokens.name, reducer = "REDUCE_SUM", group = ["metric.label.model"], aligner = "ALIGN_DELTA" },
          { title = "Spend (USD) by model", metric = google_logging_metric.cost.name, reducer = "REDUCE_SUM", group = ["metric.label.model"], aligner = "ALIGN_DELTA" },
          { title = "Breaker opens by target", metric = google_logging_metric.breaker_opens.name, reducer = "REDUCE_SUM", group = ["metric.label.target"], aligner = "ALIGN_DELTA" },
          { title = "Dead-lettered jobs", metric = google_logging_metric.dead_letters.name, reducer = "REDUCE_SUM", group = [], aligner = "ALIGN_DELTA" },
          { title = "Soft budgets exceeded", metric = google_logging_metric.budget_exceeded.name, reducer = "REDUCE_SUM", group = ["metric.label.budget"], aligner = "ALIGN_DELTA" },
          ] : {
          xPos   = (i % 2) * 6
          yPos   = floor(i / 2) * 4
          width  = 6
          height = 4
          widget = {
            title = w.title
            xyChart = {
              dataSets = [{
                plotType = "LINE"
                timeSeriesQuery = {
                  timeSeriesFilter = {
                    filter = "metric.type=\"${local.metric}/${w.metric}\" resource.type=\"cloud_run_revision\""
                    aggregation = {
                      alignmentPeriod    = "60s"
                      perSeriesAligner   = w.aligner
                      crossSeriesReducer = w.reducer
                      groupByFields      = w.group
                    }
                  }
                }
              }]
            }
          }
        }
      ]
    }
  })
}

resource "google_billing_budget" "this" {
  count           = var.budget == null ? 0 : 1
  billing_account = var.budget.billing_account
  display_name    = "Gatehouse ${var.prefix}"

  budget_filter {
    projects = ["projects/${var.project_number}"]
  }

  amount {
    specified_amount {
      currency_code = var.budget.currency
      units         = tostring(var.budget.amount)
    }
  }

  dynamic "threshold_rules" {
    for_each = var.budget.thresholds
    content {
      threshold_percent = threshold_rules.value
    }
  }

  all_updates_rule {
    monitoring_notification_channels = local.channels
    disable_default_iam_recipients   = false
  }
}
