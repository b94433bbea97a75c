# The one source archive every function is built from (made by `python -m dev.bundle`, which
# honours .gcloudignore). Its object name carries the archive's hash, so a new archive is a new
# object and every function rebuilds from it; an unchanged archive changes nothing.
resource "google_storage_bucket" "this" {
  #checkov:skip=CKV_GCP_62:Access logs of a build-source bucket add nothing over Cloud Audit Logs (data access) for the project
  project                     = var.project_id
  name                        = var.name
  location                    = var.location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false
  labels                      = var.labels

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      age        = var.keep_days
      with_state = "ANY"
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_storage_bucket_object" "archive" {
  name   = "gatehouse-${filemd5(var.archive_path)}.zip"
  bucket = google_storage_bucket.this.name
  source = var.archive_path
}

resource "google_storage_bucket_iam_member" "readers" {
  for_each = toset(var.readers)
  bucket   = google_storage_bucket.this.name
  role     = "roles/storage.objectViewer"
  member   = each.value
}
