# An IAM role for the AWS Load Balancer Controller, trusted by the EKS
# cluster's OIDC provider (IRSA), written the ways real modules do.
locals {
  oidc_provider     = replace(module.eks.cluster_oidc_issuer_url, "https://", "")
  namespace         = "kube-system"
  service_account   = "aws-load-balancer-controller"
  oidc_provider_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${local.oidc_provider}"
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "lbc" {
  name = "${var.cluster_name}-lbc"
  path = "/eks/"

  # irsalint:ignore irsa-trust-missing-aud
  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {
            "Federated": "${local.oidc_provider_arn}"
          },
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {
            "StringEquals": {
              "${local.oidc_provider}:sub": "system:serviceaccount:${local.namespace}:${local.service_account}"
            }
          }
        }
      ]
    }
  EOF

  tags = merge(var.tags, {
    "kubernetes.io/service-account" = local.service_account
  })
}

data "aws_iam_policy_document" "trust" {
  dynamic "statement" {
    for_each = var.service_accounts
    content {
      effect  = "Allow"
      actions = ["sts:AssumeRoleWithWebIdentity"]

      principals {
        type        = "Federated"
        identifiers = [var.oidc_provider_arn]
      }

      condition {
        test     = statement.value.wildcard ? "StringLike" : "StringEquals"
        variable = "${local.oidc_provider}:sub"
        values   = [for sa in statement.value.names : "system:serviceaccount:${statement.key}:${sa}"]
      }

      condition {
        test     = "StringEquals"
        variable = "${local.oidc_provider}:aud"
        values   = ["sts.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role" "apps" {
  for_each           = toset(var.apps)
  name               = "app-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

module "irsa" {
  source   = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version  = "~> 5.0"
  for_each = { for k, v in var.addons : k => v if v.enabled }

  role_name = "${each.key}-irsa"
  oidc_providers = {
    main = {
      provider_arn               = module.eks.oidc_provider_arn
      namespace_service_accounts = ["${each.value.namespace}:${each.key}"]
    }
  }
  role_policy_arns = {
    policy = aws_iam_policy.addon[each.key].arn
  }
}

output "role_arns" {
  value = [for r in aws_iam_role.apps : r.arn]
}
