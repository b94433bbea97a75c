variable "project_id" {
  description = "Project of the topics."
  type        = string
}

variable "topic_name" {
  description = "Jobs topic (GATEHOUSE_JOBS_TOPIC)."
  type        = string
  default     = "gatehouse-jobs"
}

variable "dead_letter_topic_name" {
  description = "Dead-letter topic (GATEHOUSE_JOBS_DEAD_LETTER_TOPIC)."
  type        = string
  default     = "gatehouse-jobs-dead-letter"
}

variable "push_endpoint" {
  description = "URL the jobs subscription pushes to (the generate function)."
  type        = string
  validation {
    condition     = startswith(var.push_endpoint, "https://")
    error_message = "push_endpoint: an https:// URL."
  }
}

variable "push_audience" {
  description = "OIDC audience of the jobs pushes (the generate service URL)."
  type        = string
}

variable "dead_letter_push_endpoint" {
  description = "URL the dead-letter subscription pushes to (the generate_deadletter function)."
  type        = string
  validation {
    condition     = startswith(var.dead_letter_push_endpoint, "https://")
    error_message = "dead_letter_push_endpoint: an https:// URL."
  }
}

variable "dead_letter_push_audience" {
  description = "OIDC audience of the dead-letter pushes."
  type        = string
}

variable "push_service_account_email" {
  description = "Identity in the pushes' OIDC tokens; the only invoker of generate and generate_deadletter."
  type        = string
}

variable "publishers" {
  description = "IAM members that may publish to the jobs topic (ingress, generate for callbacks/sweeps, the scheduler)."
  type        = list(string)
  default     = []
}

variable "max_delivery_attempts" {
  description = "Deliveries of one message before it goes to the dead-letter topic."
  type        = number
  default     = 5
  validation {
    condition     = var.max_delivery_attempts >= 5 && var.max_delivery_attempts <= 100
    error_message = "max_delivery_attempts: 5 to 100 (Pub/Sub's bounds)."
  }
}

variable "ack_deadline_s" {
  description = "Ack deadline; keep above GATEHOUSE_JOB_BUSY_WAIT_S (45 s) plus a job's run."
  type        = number
  default     = 600
  validation {
    condition     = var.ack_deadline_s >= 60 && var.ack_deadline_s <= 600
    error_message = "ack_deadline_s: 60 to 600 seconds (above the job busy wait)."
  }
}

variable "retry_backoff_s" {
  description = "Redelivery backoff bounds, seconds."
  type = object({
    min = optional(number, 10)
    max = optional(number, 600)
  })
  default = {}
  validation {
    condition     = var.retry_backoff_s.min >= 0 && var.retry_backoff_s.min <= var.retry_backoff_s.max && var.retry_backoff_s.max <= 600
    error_message = "retry_backoff_s: 0 <= min <= max <= 600."
  }
}

variable "message_retention_s" {
  description = "How long unacknowledged messages are kept, seconds."
  type        = number
  default     = 604800
  validation {
    condition     = var.message_retention_s >= 600 && var.message_retention_s <= 2678400
    error_message = "message_retention_s: 600 s to 31 days."
  }
}

variable "kms_key" {
  description = "Cloud KMS key for the topics (CMEK); null: Google-managed encryption."
  type        = string
  default     = null
}

variable "labels" {
  description = "Labels on topics and subscriptions."
  type        = map(string)
  default     = {}
}
