output "id" {
  description = "Secret resource id (projects/{p}/secrets/{name})."
  value       = google_secret_manager_secret.this.id
}

output "name" {
  description = "Secret id, as the settings name it."
  value       = google_secret_manager_secret.this.secret_id
}
