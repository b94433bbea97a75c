variable "project_id" {
  description = "Project of the database."
  type        = string
}

variable "database_id" {
  description = "Database id (GATEHOUSE_FIRESTORE_DATABASE)."
  type        = string
  default     = "(default)"
}

variable "location" {
  description = "Firestore location: a multi-region (eur3, nam5) for a two-region deployment, or a region."
  type        = string
  validation {
    condition     = can(regex("^(eur3|nam5|nam7|[a-z]+-[a-z]+[0-9])$", var.location))
    error_message = "location: a Firestore multi-region (eur3, nam5, nam7) or a region such as europe-west4."
  }
}

variable "index_file" {
  description = "Path of the JSON list of indexes and TTL fields (infra/firestore/indexes.json)."
  type        = string
}

variable "vector_dimension" {
  description = "Embedding size of the cache's vector index (GATEHOUSE_CACHE_EMBEDDINGS_DIMENSION)."
  type        = number
  default     = 768
  validation {
    condition     = var.vector_dimension >= 1 && var.vector_dimension <= 2048
    error_message = "vector_dimension: 1 to 2048 (Firestore's limit)."
  }
}

variable "point_in_time_recovery" {
  description = "Keep 7 days of versions for point-in-time recovery (on in prod)."
  type        = bool
  default     = true
}

variable "delete_protection" {
  description = "Refuse to delete the database (on in prod); also keeps it when Terraform destroys (ABANDON)."
  type        = bool
  default     = true
}
