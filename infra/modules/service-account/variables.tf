variable "project_id" {
  description = "Project that owns the service account."
  type        = string
}

variable "prefix" {
  description = "Prefix of every resource name (e.g. gh-prod)."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,11}$", var.prefix))
    error_message = "prefix: 2-12 characters, lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "name" {
  description = "Short name of the account (the function it runs as); account id is {prefix}-{name}."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,13}[a-z0-9]$", var.name))
    error_message = "name: 3-15 characters, lowercase letters, digits and hyphens."
  }
}

variable "display_name" {
  description = "Display name; defaults to 'Gatehouse {name}'."
  type        = string
  default     = null
}

variable "description" {
  description = "What the account is for."
  type        = string
  default     = null
}

variable "project_roles" {
  description = "Project roles granted to the account, each with an optional IAM condition. Keep to what the function calls."
  type = list(object({
    role = string
    condition = optional(object({
      title       = string
      description = optional(string)
      expression  = string
    }))
  }))
  default = []
  validation {
    condition     = alltrue([for r in var.project_roles : !contains(["roles/owner", "roles/editor"], r.role)])
    error_message = "project_roles: basic roles (owner, editor) are never granted to a function's account."
  }
}
