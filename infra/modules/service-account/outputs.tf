output "email" {
  description = "Service account email."
  value       = google_service_account.this.email
}

output "iam_email" {
  description = "The account as an IAM member (serviceAccount:...)."
  value       = "serviceAccount:${google_service_account.this.email}"
}

output "id" {
  description = "Fully qualified id (projects/{p}/serviceAccounts/{email})."
  value       = google_service_account.this.id
}
