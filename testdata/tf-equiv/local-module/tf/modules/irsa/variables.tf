variable "create_role" {
  description = "Whether to create a role"
  type        = bool
  default     = true
}

variable "role_name" {
  description = "Name of the IAM role"
  type        = string
  default     = null
}

variable "role_path" {
  description = "Path of the IAM role"
  type        = string
  default     = "/"
}

variable "role_policy_arns" {
  description = "ARNs of the policies to attach to the role"
  type        = map(string)
  default     = {}
}

variable "oidc_providers" {
  description = "Map of OIDC providers: provider_arn and namespace_service_accounts (namespace:name)"
  type        = any
  default     = {}
}

variable "assume_role_condition_test" {
  description = "Condition operator of the sub and aud tests"
  type        = string
  default     = "StringEquals"
}

variable "tags" {
  type    = map(string)
  default = {}
}
