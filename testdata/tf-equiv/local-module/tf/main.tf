variable "cluster_name" {
  type    = string
  default = "staging"
}

locals {
  oidc_provider_arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/5EED0000000000000000000000000003"

  irsa = {
    cert-manager = {
      namespace       = "cert-manager"
      service_account = "cert-manager"
      policies        = { route53 = "arn:aws:iam::aws:policy/AmazonRoute53FullAccess" }
    }
    loki = {
      namespace       = "monitoring"
      service_account = "loki"
      policies        = { s3 = "arn:aws:iam::aws:policy/AmazonS3FullAccess" }
    }
    velero = {
      namespace       = "velero"
      service_account = "velero-server"
      policies        = {}
    }
  }
}

module "irsa" {
  source   = "./modules/irsa"
  for_each = local.irsa

  role_name        = "${var.cluster_name}-${each.key}"
  role_policy_arns = each.value.policies

  oidc_providers = {
    main = {
      provider_arn               = local.oidc_provider_arn
      namespace_service_accounts = ["${each.value.namespace}:${each.value.service_account}"]
    }
  }

  tags = { cluster = var.cluster_name }
}

output "role_arns" {
  value = { for k, m in module.irsa : k => m.iam_role_arn }
}
