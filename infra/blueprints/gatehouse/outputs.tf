output "url" {
  description = "Public URL of Gatehouse (the load balancer)."
  value       = module.edge.url
}

output "address" {
  description = "Load balancer IP: the domains' DNS A records point here."
  value       = module.edge.address
}

output "service_accounts" {
  description = "Service account email per function."
  value       = { for k, sa in module.sa : k => sa.email }
}

output "topics" {
  description = "Pub/Sub topics and subscriptions of the async lane."
  value = {
    jobs                     = module.jobs.topic
    dead_letter              = module.jobs.dead_letter_topic
    subscription             = module.jobs.subscription
    dead_letter_subscription = module.jobs.dead_letter_subscription
  }
}

output "functions" {
  description = "Service URL and newest revision per function (ingress per region)."
  value = merge(
    { for region, fn in module.ingress : "ingress/${region}" => { uri = fn.uri, revision = fn.latest_revision } },
    { for name, fn in module.fn : name => { uri = fn.uri, revision = fn.latest_revision } },
  )
}

output "admin_url" {
  description = "URL of the admin function for the gatehouse CLI (IAM-authenticated)."
  value       = module.fn["admin"].uri
}

output "usage_cost_query" {
  description = "BigQuery SQL: cost per tenant and day."
  value       = module.usage_log.cost_query
}

output "dashboard" {
  description = "Monitoring dashboard id."
  value       = module.monitoring.dashboard
}
