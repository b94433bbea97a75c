locals {
  # Content-Length above max_body_bytes, as an RE2 pattern (Cloud Armor has no integer compare on
  # headers): any longer number, or one of the same length that is larger digit by digit.
  n      = tostring(var.max_body_bytes)
  digits = length(local.n)
  larger = [
    for i in range(local.digits) :
    "${substr(local.n, 0, i)}[${tonumber(substr(local.n, i, 1)) + 1}-9][0-9]{${local.digits - i - 1}}"
    if tonumber(substr(local.n, i, 1)) < 9
  ]
  too_large = "^([1-9][0-9]{${local.digits},}|${join("|", local.larger)})$"

  # Preconfigured WAF rules that only look at the request line and headers, never at a prompt.
  # Opted out: the protocol-attack signatures that scan ARGS/the body for CR/LF or "GET / HTTP/1.1"
  # (a prompt that quotes an HTTP exchange would be blocked).
  protocol_opt_outs = [
    "owasp-crs-v030301-id921110-protocolattack",
    "owasp-crs-v030301-id921120-protocolattack",
    "owasp-crs-v030301-id921130-protocolattack",
    "owasp-crs-v030301-id921150-protocolattack",
    "owasp-crs-v030301-id921160-protocolattack",
  ]
}

resource "google_compute_global_address" "this" {
  project = var.project_id
  name    = "${var.prefix}-lb"
}

resource "google_compute_region_network_endpoint_group" "ingress" {
  for_each              = var.backends
  project               = var.project_id
  name                  = "${var.prefix}-ingress-${each.key}"
  region                = each.key
  network_endpoint_type = "SERVERLESS"
  cloud_run {
    service = each.value
  }
}

resource "google_compute_security_policy" "this" {
  #checkov:skip=CKV_GCP_73:Gatehouse runs no Java/Log4j, and the cve-canary rule blocks any body containing a JNDI lookup string, i.e. prompts that quote the Log4Shell exploit
  project     = var.project_id
  name        = "${var.prefix}-edge"
  description = "Gatehouse edge: per-key throttle, body size, method allow-list, protocol and scanner rules. SQLi/XSS rule sets are off on purpose: prompts quote code and HTML."
  type        = "CLOUD_ARMOR"

  adaptive_protection_config {
    layer_7_ddos_defense_config {
      enable = true
    }
  }

  advanced_options_config {
    log_level    = "NORMAL"
    json_parsing = "STANDARD"
  }

  rule {
    # Cloud Armor can deny only with 403, 404, 429 or 502; Gatehouse itself answers 413 (e.g. chunked bodies)
    action      = "deny(403)"
    priority    = 100
    description = "Body over GATEHOUSE_MAX_BODY_BYTES (Content-Length)."
    match {
      expr {
        expression = "request.headers['content-length'].matches('${local.too_large}')"
      }
    }
  }

  rule {
    action      = "deny(403)"
    priority    = 200
    description = "Only the methods Gatehouse serves (the preconfigured method-enforcement set would refuse DELETE /v1/jobs/{id})."
    match {
      expr {
        expression = "!(request.method == 'GET' || request.method == 'POST' || request.method == 'DELETE' || request.method == 'HEAD' || request.method == 'OPTIONS')"
      }
    }
  }

  rule {
    action      = "deny(403)"
    priority    = 300
    description = "Protocol attacks in the request line and headers (smuggling, header injection); body-scanning signatures opted out."
    match {
      expr {
        expression = "evaluatePreconfiguredWaf('protocolattack-v33-stable', {'sensitivity': 1, 'opt_out_rule_ids': ${jsonencode(local.protocol_opt_outs)}})"
      }
    }
  }

  rule {
    action      = "deny(403)"
    priority    = 400
    description = "Known scanners (user agents and probe paths)."
    match {
      expr {
        expression = "evaluatePreconfiguredWaf('scannerdetection-v33-stable', {'sensitivity': 1})"
      }
    }
  }

  # Throttles keyed on the API key, so many tenants behind one NAT never share a bucket. The key may
  # travel in either header; requests with neither (?key=, or none) fall back to the client IP.
  dynamic "rule" {
    for_each = {
      500 = { header = "x-goog-api-key", expression = "request.headers['x-goog-api-key'] != ''" }
      510 = { header = "authorization", expression = "request.headers['authorization'] != ''" }
    }
    content {
      action      = "throttle"
      priority    = rule.key
      description = "Per-key throttle (${rule.value.header}): ${var.rate_limit.per_key_per_minute}/min."
      match {
        expr {
          expression = rule.value.expression
        }
      }
      rate_limit_options {
        conform_action      = "allow"
        exceed_action       = "deny(429)"
        enforce_on_key      = "HTTP_HEADER"
        enforce_on_key_name = rule.value.header
        rate_limit_threshold {
          count        = var.rate_limit.per_key_per_minute
          interval_sec = 60
        }
      }
    }
  }

  rule {
    action      = "throttle"
    priority    = 520
    description = "Requests without a key header: per client IP, ${var.rate_limit.per_ip_per_minute}/min."
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }
    rate_limit_options {
      conform_action = "allow"
      exceed_action  = "deny(429)"
      enforce_on_key = "IP"
      rate_limit_threshold {
        count        = var.rate_limit.per_ip_per_minute
        interval_sec = 60
      }
    }
  }

  rule {
    action      = "allow"
    priority    = 2147483647
    description = "Default: allow (Gatehouse authenticates every request with its API key)."
    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }
  }
}

resource "google_compute_backend_service" "ingress" {
  project               = var.project_id
  name                  = "${var.prefix}-ingress"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  protocol              = "HTTPS"
  security_policy       = google_compute_security_policy.this.id

  dynamic "backend" {
    for_each = google_compute_region_network_endpoint_group.ingress
    content {
      group = backend.value.id
    }
  }

  log_config {
    enable      = true
    sample_rate = var.log_sample_rate
  }
}

resource "google_compute_url_map" "https" {
  project         = var.project_id
  name            = "${var.prefix}-https"
  default_service = google_compute_backend_service.ingress.id
}

resource "google_compute_managed_ssl_certificate" "this" {
  project = var.project_id
  name    = "${var.prefix}-cert"
  managed {
    domains = var.domains
  }
}

resource "google_compute_ssl_policy" "this" {
  project         = var.project_id
  name            = "${var.prefix}-tls"
  profile         = "RESTRICTED"
  min_tls_version = "TLS_1_2"
}

resource "google_compute_target_https_proxy" "this" {
  project          = var.project_id
  name             = "${var.prefix}-https"
  url_map          = google_compute_url_map.https.id
  ssl_certificates = [google_compute_managed_ssl_certificate.this.id]
  ssl_policy       = google_compute_ssl_policy.this.id
}

resource "google_compute_global_forwarding_rule" "https" {
  project               = var.project_id
  name                  = "${var.prefix}-https"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_address            = google_compute_global_address.this.address
  port_range            = "443"
  target                = google_compute_target_https_proxy.this.id
}

# Port 80 only redirects to HTTPS; no request reaches a function over plain HTTP.
resource "google_compute_url_map" "redirect" {
  project = var.project_id
  name    = "${var.prefix}-http-redirect"
  default_url_redirect {
    https_redirect         = true
    redirect_response_code = "MOVED_PERMANENTLY_DEFAULT"
    strip_query            = false
  }
}

resource "google_compute_target_http_proxy" "redirect" {
  project = var.project_id
  name    = "${var.prefix}-http-redirect"
  url_map = google_compute_url_map.redirect.id
}

resource "google_compute_global_forwarding_rule" "http" {
  project               = var.project_id
  name                  = "${var.prefix}-http-redirect"
  load_balancing_scheme = "EXTERNAL_MANAGED"
  ip_address            = google_compute_global_address.this.address
  port_range            = "80"
  target                = google_compute_target_http_proxy.redirect.id
}
