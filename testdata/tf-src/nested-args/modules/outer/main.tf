variable "namespace" {
  type = string
}

variable "team" {
  type = string
}

module "inner" {
  source = "../inner"
  ns     = var.namespace
  prefix = var.team
}
