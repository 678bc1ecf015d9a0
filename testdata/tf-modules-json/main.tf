# A registry module that terraform init -backend=false downloaded:
# .terraform/modules/modules.json says where, and irsalint reads it
# there (a shortened copy of a module in the style of terraform-aws-iam,
# written for this test).
locals {
  issuer = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

module "lbc_irsa" {
  source  = "example/iam/aws//modules/irsa"
  version = "1.0.0"

  role_name       = "lbc"
  provider_arn    = "arn:aws:iam::111122223333:oidc-provider/${local.issuer}"
  namespace_sa    = ["kube-system:aws-load-balancer-controller"]
}
