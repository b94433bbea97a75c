variable "project_id" {
  description = "Project of the secret."
  type        = string
}

variable "name" {
  description = "Secret id (e.g. gatehouse-api-key-pepper)."
  type        = string
  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,255}$", var.name))
    error_message = "name: letters, digits, hyphens and underscores, at most 255."
  }
}

variable "accessors" {
  description = "IAM members that may read the secret's versions (only the functions that use it)."
  type        = list(string)
  default     = []
}

variable "version_adders" {
  description = "IAM members that may add versions (rotation), e.g. the admin function rotating the pepper."
  type        = list(string)
  default     = []
}

variable "replica_locations" {
  description = "Regions holding replicas (residency); empty: automatic replication."
  type        = list(string)
  default     = []
}

variable "labels" {
  description = "Labels on the secret."
  type        = map(string)
  default     = {}
}
