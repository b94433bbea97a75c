output "url" {
  description = "Public URL of Gatehouse."
  value       = module.gatehouse.url
}

output "address" {
  description = "Load balancer IP for the DNS A records."
  value       = module.gatehouse.address
}

output "admin_url" {
  description = "Admin function URL for the gatehouse CLI."
  value       = module.gatehouse.admin_url
}

output "service_accounts" {
  description = "Service account per function."
  value       = module.gatehouse.service_accounts
}

output "topics" {
  description = "Async lane topics and subscriptions."
  value       = module.gatehouse.topics
}

output "functions" {
  description = "Service URL and newest revision per function."
  value       = module.gatehouse.functions
}

output "usage_cost_query" {
  description = "BigQuery SQL: cost per tenant and day."
  value       = module.gatehouse.usage_cost_query
}
