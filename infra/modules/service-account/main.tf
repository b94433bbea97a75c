resource "google_service_account" "this" {
  project      = var.project_id
  account_id   = "${var.prefix}-${var.name}"
  display_name = coalesce(var.display_name, "Gatehouse ${var.name}")
  description  = var.description
}

# Project-level roles, each optionally narrowed by an IAM condition (e.g. a secret name prefix).
resource "google_project_iam_member" "roles" {
  for_each = { for r in var.project_roles : "${r.role}${r.condition == null ? "" : "/${r.condition.title}"}" => r }
  project  = var.project_id
  role     = each.value.role
  member   = "serviceAccount:${google_service_account.this.email}"

  dynamic "condition" {
    for_each = each.value.condition == null ? [] : [each.value.condition]
    content {
      title       = condition.value.title
      description = condition.value.description
      expression  = condition.value.expression
    }
  }
}
