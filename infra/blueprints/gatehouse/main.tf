data "google_project" "this" {
  project_id = var.project_id
}

locals {
  primary   = var.regions[0]
  modules   = "${path.module}/../../modules"
  dev       = var.environment == "dev"
  callbacks = "projects/${data.google_project.this.number}/secrets/${var.callback_secret_prefix}"
  # Settings every function gets (the README's settings table); var.settings adds or overrides.
  settings = merge({
    GATEHOUSE_PROJECT                    = var.project_id
    GATEHOUSE_ENVIRONMENT                = var.environment
    GATEHOUSE_DEFAULT_REGION             = coalesce(var.vertex_region, local.primary)
    GATEHOUSE_FIRESTORE_DATABASE         = module.firestore.database
    GATEHOUSE_API_KEY_PEPPER_SECRET      = module.pepper.name
    GATEHOUSE_CALLBACK_SECRET_PREFIX     = var.callback_secret_prefix
    GATEHOUSE_JOBS_TOPIC                 = var.jobs_topic
    GATEHOUSE_JOBS_DEAD_LETTER_TOPIC     = "${var.jobs_topic}-dead-letter"
    GATEHOUSE_MAX_BODY_BYTES             = tostring(var.max_body_bytes)
    GATEHOUSE_CACHE_EMBEDDINGS_DIMENSION = tostring(var.vector_dimension)
  }, var.settings)

  # One service account per function, with only the project roles it uses. Topic, secret, bucket
  # and service grants are on those resources (below), not on the project.
  accounts = {
    ingress = [ # API keys, tenants, cache, jobs, usage; calls Gemini and embeddings
      { role = "roles/aiplatform.user" },
      { role = "roles/datastore.user" },
      { role = "roles/logging.logWriter" },
      { role = "roles/cloudtrace.agent" },
    ]
    generate = [ # runs jobs (Gemini), stores results, signs callbacks with per-tenant secrets
      { role = "roles/aiplatform.user" },
      { role = "roles/datastore.user" },
      { role = "roles/logging.logWriter" },
      { role = "roles/cloudtrace.agent" },
      {
        role = "roles/secretmanager.secretAccessor"
        condition = {
          title       = "callback-secrets-only"
          description = "Only the per-tenant callback signing secrets."
          expression  = "resource.name.startsWith(\"${local.callbacks}\")"
        }
      },
    ]
    generate-dl = [ # marks dead-lettered jobs failed
      { role = "roles/datastore.user" },
      { role = "roles/logging.logWriter" },
    ]
    policy = [ # stateless policy evaluation
      { role = "roles/logging.logWriter" },
    ]
    admin = [ # tenants, keys, usage reports; creates the per-tenant callback secrets
      { role = "roles/datastore.user" },
      { role = "roles/logging.logWriter" },
      {
        role = "roles/secretmanager.admin"
        condition = {
          title       = "callback-secrets-only"
          description = "Create and rotate only the per-tenant callback signing secrets."
          expression  = "resource.name.startsWith(\"${local.callbacks}\")"
        }
      },
    ]
    push = [] # identity of the Pub/Sub pushes: invoker of generate and generate_deadletter only
    build = [ # builds the function images from the source archive
      { role = "roles/cloudbuild.builds.builder" },
    ]
  }
  functions = {
    policy              = { account = "policy", ingress = var.policy_ingress, invokers = var.policy_invokers, http = true }
    admin               = { account = "admin", ingress = "INGRESS_TRAFFIC_ALL", invokers = var.operators, http = true }
    generate            = { account = "generate", ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY", invokers = [module.sa["push"].iam_email], http = false }
    generate_deadletter = { account = "generate-dl", ingress = "INGRESS_TRAFFIC_INTERNAL_ONLY", invokers = [module.sa["push"].iam_email], http = false }
  }
}

module "sa" {
  source        = "../../modules/service-account"
  for_each      = local.accounts
  project_id    = var.project_id
  prefix        = var.prefix
  name          = each.key
  project_roles = each.value
}

module "source" {
  source       = "../../modules/source-bucket"
  project_id   = var.project_id
  name         = "${var.project_id}-${var.prefix}-source"
  location     = var.storage_location
  archive_path = var.archive_path
  readers      = [module.sa["build"].iam_email]
  labels       = var.labels
}

module "pepper" {
  source            = "../../modules/secret"
  project_id        = var.project_id
  name              = var.pepper_secret
  accessors         = [module.sa["ingress"].iam_email, module.sa["admin"].iam_email]
  version_adders    = [module.sa["admin"].iam_email] # pepper rotation (gatehouse keys rotate-pepper)
  replica_locations = var.secret_locations
  labels            = var.labels
}

# The pepper must have the pinned version before any function changes: this read fails the apply
# (before traffic moves) when the secret or the version is missing. Metadata only: the value is
# never fetched, so it never lands in state.
data "google_secret_manager_secret_version" "pepper" {
  project           = var.project_id
  secret            = module.pepper.name
  version           = var.pepper_secret_version
  fetch_secret_data = false

  lifecycle {
    postcondition {
      condition     = self.enabled
      error_message = "Secret ${var.pepper_secret} version ${var.pepper_secret_version} is disabled: add one with `gcloud secrets versions add`."
    }
  }
}

module "firestore" {
  source                 = "../../modules/firestore"
  project_id             = var.project_id
  database_id            = var.firestore_database
  location               = var.firestore_location
  index_file             = "${path.module}/../../firestore/indexes.json"
  vector_dimension       = var.vector_dimension
  point_in_time_recovery = var.protect_data
  delete_protection      = var.protect_data
}

module "ingress" {
  source                = "../../modules/function"
  for_each              = toset(var.regions)
  project_id            = var.project_id
  prefix                = var.prefix
  name                  = "ingress"
  description           = "Gatehouse ingress: auth, policy, cache, routing to Gemini (public, behind the load balancer)."
  region                = each.value
  entry_point           = "ingress"
  source_archive        = { bucket = module.source.bucket, object = module.source.object }
  build_service_account = module.sa["build"].id
  service_account_email = module.sa["ingress"].email
  ingress               = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"
  invokers              = ["allUsers"] # the load balancer sends no ID token; Gatehouse's API key authenticates
  cpu_always_allocated  = true         # usage flushes and batched cache writes run after the response
  scaling               = var.scaling["ingress"]
  resources             = var.resources["ingress"]
  timeout_s             = var.request_timeout_s
  env                   = local.settings
  health_path           = "/healthz"
  revision_suffix       = var.revision_suffix
  traffic               = lookup(var.traffic, "ingress", {})
  deletion_protection   = var.protect_data
  labels                = var.labels
  depends_on            = [data.google_secret_manager_secret_version.pepper]
}

module "fn" {
  source                = "../../modules/function"
  for_each              = local.functions
  project_id            = var.project_id
  prefix                = var.prefix
  name                  = replace(each.key, "_", "-")
  region                = local.primary
  entry_point           = each.key
  source_archive        = { bucket = module.source.bucket, object = module.source.object }
  build_service_account = module.sa["build"].id
  service_account_email = module.sa[each.value.account].email
  ingress               = each.value.ingress
  invokers              = each.value.invokers
  cpu_always_allocated  = each.key == "generate" # callbacks and usage writes finish after the ack
  scaling               = var.scaling[each.key]
  resources             = var.resources[each.key]
  timeout_s             = each.value.http ? var.request_timeout_s : 600
  env                   = local.settings
  health_path           = each.value.http ? "/healthz" : null
  revision_suffix       = var.revision_suffix
  traffic               = lookup(var.traffic, each.key, {})
  deletion_protection   = var.protect_data
  labels                = var.labels
  depends_on            = [data.google_secret_manager_secret_version.pepper]
}

module "jobs" {
  source                     = "../../modules/pubsub"
  project_id                 = var.project_id
  topic_name                 = var.jobs_topic
  dead_letter_topic_name     = "${var.jobs_topic}-dead-letter"
  push_endpoint              = module.fn["generate"].uri
  push_audience              = module.fn["generate"].uri
  dead_letter_push_endpoint  = module.fn["generate_deadletter"].uri
  dead_letter_push_audience  = module.fn["generate_deadletter"].uri
  push_service_account_email = module.sa["push"].email
  max_delivery_attempts      = var.max_delivery_attempts
  # ingress enqueues; generate republishes (sweeper); Cloud Scheduler's agent sends the sweep tick
  publishers = [
    module.sa["ingress"].iam_email,
    module.sa["generate"].iam_email,
    "serviceAccount:service-${data.google_project.this.number}@gcp-sa-cloudscheduler.iam.gserviceaccount.com",
  ]
  labels = var.labels
}

module "sweeper" {
  source      = "../../modules/scheduler"
  project_id  = var.project_id
  region      = local.primary
  name        = "${var.prefix}-sweeper"
  description = "Gatehouse sweeper tick: republishes stranded jobs."
  schedule    = var.sweep_schedule
  topic_id    = module.jobs.topic_id
  data        = "sweep"
  attributes  = { kind = "sweep" }
}

module "edge" {
  source         = "../../modules/load-balancer"
  project_id     = var.project_id
  prefix         = var.prefix
  backends       = { for region, fn in module.ingress : region => fn.name }
  domains        = var.domains
  max_body_bytes = var.max_body_bytes
  rate_limit     = var.rate_limit
}

module "usage_log" {
  source         = "../../modules/log-sink"
  project_id     = var.project_id
  name           = "${var.prefix}-usage"
  dataset_id     = replace("${var.prefix}_usage", "-", "_")
  location       = var.bigquery_location
  service_prefix = var.prefix
  retention_days = var.usage_retention_days
  labels         = var.labels
}

module "monitoring" {
  source              = "../../modules/monitoring"
  project_id          = var.project_id
  project_number      = data.google_project.this.number
  prefix              = var.prefix
  notification_emails = var.notification_emails
  alerts              = var.alerts
  budget              = var.budget
}

