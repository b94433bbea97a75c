variable "project_id" {
  description = "Project of the load balancer."
  type        = string
}

variable "prefix" {
  description = "Prefix of every resource name."
  type        = string
}

variable "backends" {
  description = "Ingress Cloud Run service name per region: {region = service}. Two or more regions in prod."
  type        = map(string)
  validation {
    condition     = length(var.backends) >= 1
    error_message = "backends: at least one region."
  }
}

variable "domains" {
  description = "Domains of the Google-managed certificate (their DNS A records point at the output address)."
  type        = list(string)
  validation {
    condition     = length(var.domains) >= 1 && alltrue([for d in var.domains : can(regex("^[a-z0-9.-]+\\.[a-z]{2,}$", d))])
    error_message = "domains: one or more DNS names such as gatehouse.example.com."
  }
}

variable "max_body_bytes" {
  description = "Largest request body (Content-Length) let through; keep equal to GATEHOUSE_MAX_BODY_BYTES."
  type        = number
  default     = 10485760
  validation {
    condition     = var.max_body_bytes >= 1024 && var.max_body_bytes <= 33554432 && floor(var.max_body_bytes) == var.max_body_bytes
    error_message = "max_body_bytes: an integer from 1 KiB to 32 MiB (Cloud Run's request limit)."
  }
}

variable "rate_limit" {
  description = "Edge throttles per minute: per API key (either key header) and per client IP for requests without a key header. A flood guard above every tenant's own quota, not the quota itself."
  type = object({
    per_key_per_minute = optional(number, 6000)
    per_ip_per_minute  = optional(number, 600)
  })
  default = {}
  validation {
    condition     = var.rate_limit.per_key_per_minute >= 60 && var.rate_limit.per_ip_per_minute >= 60
    error_message = "rate_limit: at least 60 requests per minute for each key."
  }
}

variable "log_sample_rate" {
  description = "Share of requests the load balancer logs."
  type        = number
  default     = 1
  validation {
    condition     = var.log_sample_rate >= 0 && var.log_sample_rate <= 1
    error_message = "log_sample_rate: 0 to 1."
  }
}
