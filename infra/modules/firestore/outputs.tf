output "database" {
  description = "Database id."
  value       = google_firestore_database.this.name
}

output "indexes" {
  description = "Composite and vector index keys (collection:fields)."
  value       = concat(keys(local.indexes), keys(local.vector_indexes))
}
