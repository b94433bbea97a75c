variable "project_id" {
  description = "Project of the function."
  type        = string
}

variable "prefix" {
  description = "Prefix of every resource name (e.g. gh-prod)."
  type        = string
}

variable "name" {
  description = "Function name (ingress, policy, admin, generate, generate-deadletter); the service is {prefix}-{name}."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name: lowercase letters, digits and hyphens, at most 31 characters."
  }
}

variable "description" {
  description = "What the function does."
  type        = string
  default     = null
}

variable "region" {
  description = "Region of this copy of the function."
  type        = string
}

variable "entry_point" {
  description = "Entry point in main.py (ingress, policy, admin, generate, generate_deadletter)."
  type        = string
  validation {
    condition     = contains(["ingress", "policy", "admin", "generate", "generate_deadletter"], var.entry_point)
    error_message = "entry_point: one of ingress, policy, admin, generate, generate_deadletter (main.py)."
  }
}

variable "source_archive" {
  description = "The one source archive every function is built from (bucket and object)."
  type = object({
    bucket = string
    object = string
  })
}

variable "runtime" {
  description = "Runtime of the build and of the container's base image (the Python the project pins)."
  type        = string
  default     = "python311"
  validation {
    condition     = can(regex("^python3[0-9]+$", var.runtime))
    error_message = "runtime: a Python runtime id such as python311."
  }
}

variable "build_service_account" {
  description = "Service account Cloud Build uses to build the image (projects/{p}/serviceAccounts/{email}); null: the project default."
  type        = string
  default     = null
}

variable "service_account_email" {
  description = "The function's own service account (one per function)."
  type        = string
}

variable "ingress" {
  description = "Who may reach the service at the network level."
  type        = string
  default     = "INGRESS_TRAFFIC_INTERNAL_ONLY"
  validation {
    condition     = contains(["INGRESS_TRAFFIC_ALL", "INGRESS_TRAFFIC_INTERNAL_ONLY", "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"], var.ingress)
    error_message = "ingress: INGRESS_TRAFFIC_ALL, INGRESS_TRAFFIC_INTERNAL_ONLY or INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER."
  }
}

variable "invokers" {
  description = "IAM members with roles/run.invoker. allUsers only for the load balancer's backend (ingress)."
  type        = list(string)
  default     = []
}

variable "scaling" {
  description = "Instances and requests in flight per instance (see docs/decisions/2026-11-29-capacity.md)."
  type = object({
    min_instances = optional(number, 0)
    max_instances = optional(number, 100)
    concurrency   = optional(number, 80)
  })
  default = {}
  validation {
    condition     = var.scaling.min_instances >= 0 && var.scaling.min_instances <= var.scaling.max_instances && var.scaling.max_instances <= 1000
    error_message = "scaling: 0 <= min_instances <= max_instances <= 1000."
  }
  validation {
    condition     = var.scaling.concurrency >= 1 && var.scaling.concurrency <= 1000
    error_message = "scaling.concurrency: 1 to 1000 requests per instance."
  }
}

variable "resources" {
  description = "CPU and memory of one instance."
  type = object({
    cpu    = optional(string, "1")
    memory = optional(string, "1Gi")
  })
  default = {}
  validation {
    condition     = contains(["1", "2", "4", "6", "8"], var.resources.cpu) && can(regex("^[0-9]+(Mi|Gi)$", var.resources.memory))
    error_message = "resources: cpu one of 1, 2, 4, 6, 8; memory like 512Mi or 2Gi."
  }
}

variable "cpu_always_allocated" {
  description = "Keep CPU between requests (no throttling): needed where work runs after the response."
  type        = bool
  default     = false
}

variable "timeout_s" {
  description = "Request timeout of the service, seconds."
  type        = number
  default     = 300
  validation {
    condition     = var.timeout_s >= 1 && var.timeout_s <= 3600
    error_message = "timeout_s: 1 to 3600 seconds."
  }
}

variable "env" {
  description = "Plain environment variables (GATEHOUSE_* settings). Never secret values."
  type        = map(string)
  default     = {}
}

variable "secret_env" {
  description = "Environment variables read from Secret Manager: {NAME = {secret, version}}; version pinned (a number) in prod."
  type = map(object({
    secret  = string
    version = string
  }))
  default = {}
  validation {
    condition     = alltrue([for s in values(var.secret_env) : can(regex("^([0-9]+|latest)$", s.version))])
    error_message = "secret_env: version is a version number or 'latest'."
  }
}

variable "health_path" {
  description = "HTTP path of the startup probe (/healthz on HTTP functions); null: the default TCP probe."
  type        = string
  default     = null
}

variable "revision_suffix" {
  description = "Suffix of the new revision's name ({service}-{suffix}, e.g. the commit); lets a later apply name it as the stable revision."
  type        = string
  default     = null
  validation {
    condition     = var.revision_suffix == null || can(regex("^[a-z0-9-]{1,20}$", var.revision_suffix))
    error_message = "revision_suffix: 1-20 lowercase letters, digits or hyphens."
  }
}

variable "traffic" {
  description = "Traffic split: null stable_revision = all traffic on the newest revision; otherwise canary_percent to the newest and the rest to stable_revision."
  type = object({
    stable_revision = optional(string)
    canary_percent  = optional(number, 0)
  })
  default = {}
  validation {
    condition     = var.traffic.canary_percent >= 0 && var.traffic.canary_percent <= 100
    error_message = "traffic.canary_percent: 0 to 100."
  }
}

variable "deletion_protection" {
  description = "Refuse to destroy the service (on in prod)."
  type        = bool
  default     = true
}

variable "labels" {
  description = "Labels on the service and its revisions."
  type        = map(string)
  default     = {}
}
