module "gatehouse" {
  source                = "../../blueprints/gatehouse"
  project_id            = var.project_id
  environment           = "prod"
  prefix                = var.prefix
  regions               = var.regions
  vertex_region         = var.vertex_region
  domains               = var.domains
  archive_path          = var.archive_path
  storage_location      = var.storage_location
  firestore_location    = var.firestore_location
  bigquery_location     = var.bigquery_location
  protect_data          = true
  pepper_secret_version = var.pepper_secret_version
  secret_locations      = var.secret_locations
  settings              = var.settings
  scaling               = var.scaling
  resources             = var.resources
  revision_suffix       = var.revision_suffix
  traffic               = var.traffic
  operators             = var.operators
  policy_invokers       = var.policy_invokers
  rate_limit            = var.rate_limit
  notification_emails   = var.notification_emails
  alerts                = var.alerts
  budget                = var.budget
  labels                = { app = "gatehouse", env = "prod" }
}
