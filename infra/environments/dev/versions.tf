terraform {
  required_version = ">= 1.5.0"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.50.0, < 7.0.0"
    }
  }
  # State lives in a versioned bucket created once by hand (README "Deploy"):
  #   terraform init -backend-config="bucket=PROJECT-tfstate"
  backend "gcs" {
    prefix = "gatehouse/dev"
  }
}

provider "google" {
  project               = var.project_id
  region                = var.regions[0]
  user_project_override = true
  billing_project       = var.project_id
}
