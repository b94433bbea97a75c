variable "project_id" {
  description = "Project that holds the whole deployment."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id: a Google Cloud project id (6-30 lowercase letters, digits, hyphens)."
  }
}

variable "environment" {
  description = "dev or prod (GATEHOUSE_ENVIRONMENT): dev allows env-var secret fallbacks and loopback callbacks."
  type        = string
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment: dev or prod."
  }
}

variable "prefix" {
  description = "Prefix of every resource name (e.g. gh-prod)."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,11}$", var.prefix))
    error_message = "prefix: 2-12 characters, lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "regions" {
  description = "Regions of the ingress function, primary first (the other functions and the scheduler run in the primary)."
  type        = list(string)
  validation {
    condition     = length(var.regions) >= 1 && length(distinct(var.regions)) == length(var.regions)
    error_message = "regions: one or more distinct regions, primary first."
  }
}

variable "vertex_region" {
  description = "GATEHOUSE_DEFAULT_REGION: Vertex AI region when a tenant names none; null: the primary region."
  type        = string
  default     = null
}

variable "domains" {
  description = "Public DNS names of the load balancer's managed certificate."
  type        = list(string)
}

variable "archive_path" {
  description = "The one source archive of all functions (`python -m dev.bundle` writes dist/gatehouse.zip)."
  type        = string
}

variable "storage_location" {
  description = "Location of the source bucket (EU, US, or a region)."
  type        = string
}

variable "firestore_location" {
  description = "Firestore location: a multi-region (eur3, nam5) for a two-region deployment."
  type        = string
}

variable "firestore_database" {
  description = "Firestore database id."
  type        = string
  default     = "(default)"
}

variable "bigquery_location" {
  description = "Location of the usage dataset."
  type        = string
}

variable "protect_data" {
  description = "Firestore point-in-time recovery and delete protection, and deletion protection on the services (true in prod)."
  type        = bool
  default     = true
}

variable "pepper_secret" {
  description = "Secret Manager secret of the API-key pepper (GATEHOUSE_API_KEY_PEPPER_SECRET)."
  type        = string
  default     = "gatehouse-api-key-pepper"
}

variable "pepper_secret_version" {
  description = "The pepper version that must exist before a deploy (a number in prod; the functions read the latest)."
  type        = string
  default     = "latest"
  validation {
    condition     = can(regex("^([0-9]+|latest)$", var.pepper_secret_version))
    error_message = "pepper_secret_version: a version number or 'latest'."
  }
}

variable "callback_secret_prefix" {
  description = "Name prefix of the per-tenant callback signing secrets (GATEHOUSE_CALLBACK_SECRET_PREFIX)."
  type        = string
  default     = "gatehouse-callback-"
}

variable "secret_locations" {
  description = "Replica regions of the secrets (residency); empty: automatic."
  type        = list(string)
  default     = []
}

variable "jobs_topic" {
  description = "Jobs topic; the dead-letter topic is {jobs_topic}-dead-letter."
  type        = string
  default     = "gatehouse-jobs"
}

variable "max_delivery_attempts" {
  description = "Deliveries of a job message before it is dead-lettered."
  type        = number
  default     = 5
}

variable "sweep_schedule" {
  description = "Cron schedule of the sweeper tick."
  type        = string
  default     = "* * * * *"
}

variable "settings" {
  description = "Extra or overriding GATEHOUSE_* settings for every function (never secret values)."
  type        = map(string)
  default     = {}
  validation {
    condition     = alltrue([for k in keys(var.settings) : startswith(k, "GATEHOUSE_") && !can(regex("(PEPPER|TOKEN|SECRET_VALUE|PASSWORD)$", k))])
    error_message = "settings: GATEHOUSE_* names only, and no secret values (GATEHOUSE_DEV_API_KEY_PEPPER, GATEHOUSE_UPSTREAM_TOKEN are dev-only)."
  }
}

variable "max_body_bytes" {
  description = "GATEHOUSE_MAX_BODY_BYTES, also enforced at the edge by Cloud Armor."
  type        = number
  default     = 10485760
}

variable "vector_dimension" {
  description = "Embedding size of the cache's vector index (GATEHOUSE_CACHE_EMBEDDINGS_DIMENSION)."
  type        = number
  default     = 768
}

variable "request_timeout_s" {
  description = "Request timeout of the HTTP functions (Gemini answers take up to minutes; GATEHOUSE_UPSTREAM_TIMEOUT_S is 120)."
  type        = number
  default     = 300
}

variable "scaling" {
  description = "Per function: min/max instances and requests in flight per instance. Defaults from docs/decisions/2026-11-29-capacity.md."
  type = map(object({
    min_instances = optional(number, 0)
    max_instances = optional(number, 100)
    concurrency   = optional(number, 80)
  }))
  default = {
    ingress             = { min_instances = 1, max_instances = 100, concurrency = 250 }
    generate            = { min_instances = 0, max_instances = 50, concurrency = 100 }
    generate_deadletter = { min_instances = 0, max_instances = 5, concurrency = 50 }
    policy              = { min_instances = 0, max_instances = 20, concurrency = 40 }
    admin               = { min_instances = 0, max_instances = 5, concurrency = 20 }
  }
  validation {
    condition     = length(setsubtract(["ingress", "generate", "generate_deadletter", "policy", "admin"], keys(var.scaling))) == 0
    error_message = "scaling: an entry for each of ingress, generate, generate_deadletter, policy, admin."
  }
}

variable "resources" {
  description = "Per function: CPU and memory of one instance."
  type = map(object({
    cpu    = optional(string, "1")
    memory = optional(string, "1Gi")
  }))
  default = {
    ingress             = { cpu = "1", memory = "2Gi" }
    generate            = { cpu = "1", memory = "2Gi" }
    generate_deadletter = { cpu = "1", memory = "512Mi" }
    policy              = { cpu = "1", memory = "1Gi" }
    admin               = { cpu = "1", memory = "512Mi" }
  }
  validation {
    condition     = length(setsubtract(["ingress", "generate", "generate_deadletter", "policy", "admin"], keys(var.resources))) == 0
    error_message = "resources: an entry for each of ingress, generate, generate_deadletter, policy, admin."
  }
}

variable "revision_suffix" {
  description = "Suffix of the revisions this apply creates (Cloud Build passes the short commit)."
  type        = string
  default     = null
}

variable "traffic" {
  description = "Per function: {stable_revision, canary_percent} for a canary or a rollback; absent = all on the newest revision."
  type = map(object({
    stable_revision = optional(string)
    canary_percent  = optional(number, 0)
  }))
  default = {}
}

variable "policy_ingress" {
  description = "Network ingress of the policy function."
  type        = string
  default     = "INGRESS_TRAFFIC_INTERNAL_ONLY"
}

variable "policy_invokers" {
  description = "IAM members that may call the policy function (never allUsers)."
  type        = list(string)
  default     = []
  validation {
    condition     = !contains(var.policy_invokers, "allUsers") && !contains(var.policy_invokers, "allAuthenticatedUsers")
    error_message = "policy_invokers: the policy function is internal; allUsers/allAuthenticatedUsers are refused."
  }
}

variable "operators" {
  description = "IAM members (group:..., user:...) that run the gatehouse CLI against the admin function."
  type        = list(string)
  default     = []
  validation {
    condition     = !contains(var.operators, "allUsers") && !contains(var.operators, "allAuthenticatedUsers")
    error_message = "operators: the admin function is internal; allUsers/allAuthenticatedUsers are refused."
  }
}

variable "rate_limit" {
  description = "Cloud Armor throttles (see modules/load-balancer)."
  type = object({
    per_key_per_minute = optional(number, 6000)
    per_ip_per_minute  = optional(number, 600)
  })
  default = {}
}

variable "usage_retention_days" {
  description = "Days of request log lines kept in BigQuery."
  type        = number
  default     = 400
}

variable "notification_emails" {
  description = "Alert recipients."
  type        = list(string)
  default     = []
}

variable "alerts" {
  description = "Alert thresholds (see modules/monitoring)."
  type = object({
    error_rate       = optional(number, 0.05)
    p99_latency_ms   = optional(number, 30000)
    hourly_spend_usd = optional(number, 100)
    dead_letters     = optional(number, 0)
  })
  default = {}
}

variable "budget" {
  description = "Optional billing budget (see modules/monitoring)."
  type = object({
    billing_account = string
    amount          = number
    currency        = optional(string, "USD")
    thresholds      = optional(list(number), [0.5, 0.9, 1.0])
  })
  default = null
}

variable "labels" {
  description = "Labels on every resource that takes them."
  type        = map(string)
  default     = {}
}
