locals {
  # The one list of indexes and TTL fields (shared/firestore_queries.py declares the queries that
  # need them; a unit test keeps the two equal).
  spec = jsondecode(file(var.index_file))
  indexes = {
    for i in local.spec.indexes :
    "${i.collection}:${join(",", [for f in i.fields : "${f.field_path}-${f.order}"])}" => i
  }
  vector_indexes = { for v in local.spec.vector_indexes : "${v.collection}:${v.field_path}" => v }
  ttl            = { for t in local.spec.ttl : "${t.collection}:${t.field_path}" => t }
  unindexed      = { for u in local.spec.unindexed : "${u.collection}:${u.field_path}" => u }
}

resource "google_firestore_database" "this" {
  project                           = var.project_id
  name                              = var.database_id
  location_id                       = var.location
  type                              = "FIRESTORE_NATIVE"
  concurrency_mode                  = "OPTIMISTIC"
  point_in_time_recovery_enablement = var.point_in_time_recovery ? "POINT_IN_TIME_RECOVERY_ENABLED" : "POINT_IN_TIME_RECOVERY_DISABLED"
  delete_protection_state           = var.delete_protection ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED"
  deletion_policy                   = var.delete_protection ? "ABANDON" : "DELETE"
}

resource "google_firestore_index" "composite" {
  for_each    = local.indexes
  project     = var.project_id
  database    = google_firestore_database.this.name
  collection  = each.value.collection
  query_scope = "COLLECTION"

  dynamic "fields" {
    for_each = each.value.fields
    content {
      field_path = fields.value.field_path
      order      = fields.value.order
    }
  }
}

# The semantic cache's find_nearest: equality pre-filters (tenant, model, scope), then the vector.
resource "google_firestore_index" "vector" {
  for_each    = local.vector_indexes
  project     = var.project_id
  database    = google_firestore_database.this.name
  collection  = each.value.collection
  query_scope = "COLLECTION"

  dynamic "fields" {
    for_each = each.value.prefilter
    content {
      field_path = fields.value
      order      = "ASCENDING"
    }
  }

  fields {
    field_path = each.value.field_path
    vector_config {
      dimension = var.vector_dimension
      flat {}
    }
  }
}

# TTL policies: Firestore deletes a document some time after its expire_at (readers check it too).
resource "google_firestore_field" "ttl" {
  for_each   = local.ttl
  project    = var.project_id
  database   = google_firestore_database.this.name
  collection = each.value.collection
  field      = each.value.field_path

  ttl_config {}

  # a TTL field needs no single-field indexes: timestamps in ascending order are a write hot spot
  index_config {}
}

# Single-field index exemptions: large or monotonic fields no query uses (the data file says why).
resource "google_firestore_field" "unindexed" {
  for_each   = local.unindexed
  project    = var.project_id
  database   = google_firestore_database.this.name
  collection = each.value.collection
  field      = each.value.field_path

  index_config {}
}
