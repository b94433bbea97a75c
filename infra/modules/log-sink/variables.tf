variable "project_id" {
  description = "Project of the sink and the dataset."
  type        = string
}

variable "name" {
  description = "Sink name."
  type        = string
}

variable "dataset_id" {
  description = "BigQuery dataset id."
  type        = string
  validation {
    condition     = can(regex("^[A-Za-z0-9_]{1,1024}$", var.dataset_id))
    error_message = "dataset_id: letters, digits and underscores."
  }
}

variable "location" {
  description = "Dataset location (EU, US or a region)."
  type        = string
}

variable "service_prefix" {
  description = "Name prefix of the Gatehouse services whose request lines are exported."
  type        = string
}

variable "retention_days" {
  description = "Days a partition (one day of log lines) is kept."
  type        = number
  default     = 400
  validation {
    condition     = var.retention_days >= 31 && var.retention_days <= 3650
    error_message = "retention_days: 31 to 3650 (reconciliation needs at least a month)."
  }
}

variable "kms_key" {
  description = "Cloud KMS key for the dataset (CMEK); null: Google-managed."
  type        = string
  default     = null
}

variable "labels" {
  description = "Labels on the dataset."
  type        = map(string)
  default     = {}
}
