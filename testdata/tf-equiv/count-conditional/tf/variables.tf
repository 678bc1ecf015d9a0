variable "enable_backup" {
  description = "Create the backup job's role"
  type        = bool
  default     = false
}

variable "enable_legacy_sync" {
  description = "Create the legacy sync job's role"
  type        = bool
  default     = true
}

variable "namespace" {
  type    = string
  default = "jobs"
}

variable "oidc_provider_arn" {
  type    = string
  default = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/C0C0000000000000000000000000000F"
}
