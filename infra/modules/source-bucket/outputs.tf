output "bucket" {
  description = "Bucket name."
  value       = google_storage_bucket.this.name
}

output "object" {
  description = "Object name of the uploaded archive."
  value       = google_storage_bucket_object.archive.name
}
