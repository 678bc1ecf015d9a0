variable "ns" {
  type    = string
  default = "apps"
}

module "outer" {
  source    = "./modules/outer"
  namespace = var.ns
  team      = "payments"
}
