variable "project_id" {
  description = "Project of the bucket."
  type        = string
}

variable "name" {
  description = "Bucket name (globally unique)."
  type        = string
}

variable "location" {
  description = "Bucket location."
  type        = string
}

variable "archive_path" {
  description = "Local path of the source archive (dist/gatehouse.zip, made by `python -m dev.bundle`)."
  type        = string
  validation {
    condition     = endswith(var.archive_path, ".zip")
    error_message = "archive_path: a .zip made by `python -m dev.bundle`."
  }
}

variable "readers" {
  description = "IAM members that read the archive (the build service account)."
  type        = list(string)
  default     = []
}

variable "keep_days" {
  description = "Days an archive is kept (older ones are deleted; rollbacks use revisions, not archives)."
  type        = number
  default     = 90
  validation {
    condition     = var.keep_days >= 7
    error_message = "keep_days: at least 7."
  }
}

variable "labels" {
  description = "Labels on the bucket."
  type        = map(string)
  default     = {}
}
