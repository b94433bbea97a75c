variable "project_id" {
  description = "Project of the job."
  type        = string
}

variable "region" {
  description = "Cloud Scheduler region."
  type        = string
}

variable "name" {
  description = "Job name."
  type        = string
}

variable "description" {
  description = "What the job does."
  type        = string
  default     = null
}

variable "schedule" {
  description = "Cron schedule (UTC)."
  type        = string
  default     = "* * * * *"
  validation {
    condition     = length(split(" ", var.schedule)) == 5
    error_message = "schedule: a five-field cron expression."
  }
}

variable "topic_id" {
  description = "Topic the job publishes to (projects/{p}/topics/{name})."
  type        = string
}

variable "data" {
  description = "Message data (plain text; base64-encoded here)."
  type        = string
  default     = "sweep"
}

variable "attributes" {
  description = "Message attributes."
  type        = map(string)
  default     = {}
}

variable "paused" {
  description = "Create the job paused."
  type        = bool
  default     = false
}
