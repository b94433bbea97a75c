# Example values for a one-region dev deployment: copy, then replace every example value.
project_id         = "my-gatehouse-dev"
prefix             = "gh-dev"
regions            = ["europe-west4"]
domains            = ["gatehouse-dev.example.com"]
storage_location   = "EU"
firestore_location = "europe-west4"
bigquery_location  = "EU"

scaling = {
  ingress             = { min_instances = 0, max_instances = 5, concurrency = 250 }
  generate            = { min_instances = 0, max_instances = 5, concurrency = 100 }
  generate_deadletter = { min_instances = 0, max_instances = 2, concurrency = 50 }
  policy              = { min_instances = 0, max_instances = 2, concurrency = 40 }
  admin               = { min_instances = 0, max_instances = 2, concurrency = 20 }
}
resources = {
  ingress             = { cpu = "1", memory = "2Gi" }
  generate            = { cpu = "1", memory = "2Gi" }
  generate_deadletter = { cpu = "1", memory = "512Mi" }
  policy              = { cpu = "1", memory = "1Gi" }
  admin               = { cpu = "1", memory = "512Mi" }
}

operators           = ["group:gatehouse-developers@example.com"]
notification_emails = ["gatehouse-dev@example.com"]
