# Example values for a two-region production in Europe: copy, then replace every example value.
project_id         = "my-gatehouse-prod"
prefix             = "gh-prod"
regions            = ["europe-west4", "europe-west1"]
vertex_region      = "europe-west4"
domains            = ["gatehouse.example.com"]
storage_location   = "EU"
firestore_location = "eur3"
bigquery_location  = "EU"

# Version of gatehouse-api-key-pepper added with `gcloud secrets versions add` (README "Deploy")
pepper_secret_version = "1"

# From docs/decisions/2026-11-29-capacity.md: 2 regions x 40 instances x 250 in flight = 20,000 in
# flight, i.e. 1,000 req/s with answers up to 20 s
scaling = {
  ingress             = { min_instances = 2, max_instances = 40, concurrency = 250 }
  generate            = { min_instances = 1, max_instances = 50, concurrency = 100 }
  generate_deadletter = { min_instances = 0, max_instances = 5, concurrency = 50 }
  policy              = { min_instances = 0, max_instances = 20, concurrency = 40 }
  admin               = { min_instances = 0, max_instances = 3, concurrency = 20 }
}
resources = {
  ingress             = { cpu = "2", memory = "4Gi" }
  generate            = { cpu = "1", memory = "2Gi" }
  generate_deadletter = { cpu = "1", memory = "512Mi" }
  policy              = { cpu = "1", memory = "1Gi" }
  admin               = { cpu = "1", memory = "512Mi" }
}

# Canary: name the current revision stable and send 10% to the new one; rollback: canary_percent = 0
# traffic = { ingress = { stable_revision = "gh-prod-ingress-3f2a9c1", canary_percent = 10 } }

operators           = ["group:gatehouse-operators@example.com"]
policy_invokers     = []
notification_emails = ["gatehouse-oncall@example.com"]
alerts              = { error_rate = 0.02, p99_latency_ms = 30000, hourly_spend_usd = 200, dead_letters = 0 }
# budget            = { billing_account = "000000-000000-000000", amount = 10000 }
