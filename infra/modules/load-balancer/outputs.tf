output "address" {
  description = "Public IP address: point the domains' A records here."
  value       = google_compute_global_address.this.address
}

output "url" {
  description = "Public URL of Gatehouse."
  value       = "https://${var.domains[0]}"
}

output "security_policy" {
  description = "Cloud Armor policy name."
  value       = google_compute_security_policy.this.name
}
