locals {
  table      = "run_googleapis_com_stdout" # the table the sink creates for Cloud Run's JSON stdout lines
  cost_query = <<-SQL
    -- Cost per tenant and day (USD), from the per-request log lines (cache hits cost 0).
    SELECT
      DATE(timestamp) AS day,
      jsonPayload.tenant AS tenant,
      jsonPayload.served_model AS model,
      COUNT(*) AS requests,
      SUM(IFNULL(jsonPayload.tokens.prompt, 0)) AS prompt_tokens,
      SUM(IFNULL(jsonPayload.tokens.candidates, 0)) AS output_tokens,
      SUM(IFNULL(jsonPayload.tokens.thoughts, 0)) AS thinking_tokens,
      ROUND(SUM(IFNULL(jsonPayload.cost.usd, 0)), 6) AS cost_usd,
      COUNTIF(jsonPayload.cost.unpriced) AS unpriced_requests
    FROM `${var.project_id}.${google_bigquery_dataset.this.dataset_id}.${local.table}`
    WHERE jsonPayload.message = 'request'
      AND timestamp >= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 31 DAY)
    GROUP BY day, tenant, model
    ORDER BY day DESC, cost_usd DESC
  SQL
}

resource "google_bigquery_dataset" "this" {
  #checkov:skip=CKV_GCP_81:Google-managed encryption by default; set kms_key for CMEK (rows hold counts, costs and tenant ids, never prompt text)
  project                         = var.project_id
  dataset_id                      = var.dataset_id
  location                        = var.location
  description                     = "Gatehouse per-request usage log lines (tokens, cost, tenant, model), exported by a log sink."
  default_partition_expiration_ms = var.retention_days * 86400000
  delete_contents_on_destroy      = false
  labels                          = var.labels

  dynamic "default_encryption_configuration" {
    for_each = var.kms_key == null ? [] : [var.kms_key]
    content {
      kms_key_name = default_encryption_configuration.value
    }
  }
}

resource "google_logging_project_sink" "this" {
  project                = var.project_id
  name                   = var.name
  description            = "Gatehouse request log lines to BigQuery (usage analytics, ledger reconciliation)."
  destination            = "bigquery.googleapis.com/projects/${var.project_id}/datasets/${google_bigquery_dataset.this.dataset_id}"
  filter                 = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=~\"^${var.service_prefix}-\" AND jsonPayload.message=\"request\""
  unique_writer_identity = true

  bigquery_options {
    use_partitioned_tables = true
  }
}

resource "google_bigquery_dataset_iam_member" "sink_writer" {
  project    = var.project_id
  dataset_id = google_bigquery_dataset.this.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = google_logging_project_sink.this.writer_identity
}
