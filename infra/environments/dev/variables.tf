variable "project_id" {
  description = "Project of the deployment."
  type        = string
}

variable "prefix" {
  description = "Prefix of every resource name."
  type        = string
  default     = "gh-dev"
}

variable "regions" {
  description = "Ingress regions, primary first (one is enough in dev)."
  type        = list(string)
  validation {
    condition     = length(var.regions) >= 1
    error_message = "regions: at least one region."
  }
}

variable "vertex_region" {
  description = "Default Vertex AI region; null: the primary region."
  type        = string
  default     = null
}

variable "domains" {
  description = "Public DNS names (managed certificate)."
  type        = list(string)
}

variable "archive_path" {
  description = "Source archive of the functions (python -m dev.bundle)."
  type        = string
  default     = "../../../dist/gatehouse.zip"
}

variable "storage_location" {
  description = "Source bucket location."
  type        = string
}

variable "firestore_location" {
  description = "Firestore location (a multi-region for two regions)."
  type        = string
}

variable "bigquery_location" {
  description = "Usage dataset location."
  type        = string
}

variable "pepper_secret_version" {
  description = "Version of the API-key pepper that must exist before a deploy."
  type        = string
  default     = "latest"
  validation {
    condition     = can(regex("^([0-9]+|latest)$", var.pepper_secret_version))
    error_message = "pepper_secret_version: a version number or 'latest'."
  }
}

variable "secret_locations" {
  description = "Secret replica regions; empty: automatic."
  type        = list(string)
  default     = []
}

variable "settings" {
  description = "Extra GATEHOUSE_* settings."
  type        = map(string)
  default     = {}
}

variable "scaling" {
  description = "Per function scaling (see the blueprint's defaults and the capacity note)."
  type = map(object({
    min_instances = optional(number, 0)
    max_instances = optional(number, 100)
    concurrency   = optional(number, 80)
  }))
}

variable "resources" {
  description = "Per function CPU and memory."
  type = map(object({
    cpu    = optional(string, "1")
    memory = optional(string, "1Gi")
  }))
}

variable "revision_suffix" {
  description = "Revision name suffix (Cloud Build: the short commit)."
  type        = string
  default     = null
}

variable "traffic" {
  description = "Per function canary / rollback split."
  type = map(object({
    stable_revision = optional(string)
    canary_percent  = optional(number, 0)
  }))
  default = {}
}

variable "operators" {
  description = "Who may call the admin function."
  type        = list(string)
  default     = []
}

variable "policy_invokers" {
  description = "Who may call the policy function."
  type        = list(string)
  default     = []
}

variable "rate_limit" {
  description = "Cloud Armor throttles per minute."
  type = object({
    per_key_per_minute = optional(number, 6000)
    per_ip_per_minute  = optional(number, 600)
  })
  default = {}
}

variable "notification_emails" {
  description = "Alert recipients."
  type        = list(string)
  default     = []
}

variable "alerts" {
  description = "Alert thresholds."
  type = object({
    error_rate       = optional(number, 0.05)
    p99_latency_ms   = optional(number, 30000)
    hourly_spend_usd = optional(number, 100)
    dead_letters     = optional(number, 0)
  })
  default = {}
}

variable "budget" {
  description = "Optional billing budget."
  type = object({
    billing_account = string
    amount          = number
    currency        = optional(string, "USD")
    thresholds      = optional(list(number), [0.5, 0.9, 1.0])
  })
  default = null
}
