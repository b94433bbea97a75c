variable "project_id" {
  description = "Project of the metrics, dashboard and alerts."
  type        = string
}

variable "project_number" {
  description = "Project number (the budget filters on it)."
  type        = string
}

variable "prefix" {
  description = "Service name prefix of this deployment's functions (e.g. gh-prod)."
  type        = string
}

variable "notification_emails" {
  description = "Email addresses that get alerts (one notification channel each)."
  type        = list(string)
  default     = []
  validation {
    condition     = alltrue([for e in var.notification_emails : can(regex("^[^@ ]+@[^@ ]+\\.[^@ ]+$", e))])
    error_message = "notification_emails: valid email addresses."
  }
}

variable "notification_channels" {
  description = "Existing notification channel ids (PagerDuty, Slack, ...) that also get alerts."
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
  validation {
    condition     = var.alerts.error_rate > 0 && var.alerts.error_rate < 1
    error_message = "alerts.error_rate: a fraction between 0 and 1."
  }
  validation {
    condition     = var.alerts.p99_latency_ms > 0 && var.alerts.hourly_spend_usd > 0 && var.alerts.dead_letters >= 0
    error_message = "alerts: p99_latency_ms and hourly_spend_usd positive, dead_letters >= 0."
  }
}

variable "budget" {
  description = "Optional billing budget for the project (needs billing.budgets.create on the billing account); null: none."
  type = object({
    billing_account = string
    amount          = number
    currency        = optional(string, "USD")
    thresholds      = optional(list(number), [0.5, 0.9, 1.0])
  })
  default = null
  validation {
    condition     = var.budget == null ? true : var.budget.amount > 0
    error_message = "budget.amount: positive."
  }
}
