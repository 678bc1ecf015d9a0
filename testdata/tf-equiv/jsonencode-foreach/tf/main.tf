variable "cluster_name" {
  type    = string
  default = "prod"
}

variable "oidc_issuer" {
  description = "Issuer of the cluster's OIDC provider, without https://"
  type        = string
  default     = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

locals {
  account_id   = "111122223333"
  provider_arn = "arn:aws:iam::${local.account_id}:oidc-provider/${var.oidc_issuer}"

  service_accounts = {
    external-dns = {
      namespace = "kube-system"
      policy    = "arn:aws:iam::aws:policy/AmazonRoute53FullAccess"
    }
    billing-api = {
      namespace = "billing"
      policy    = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"
    }
    reports = {
      namespace = "billing"
      policy    = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
    }
  }
}

resource "aws_iam_role" "sa" {
  for_each = local.service_accounts

  name = "${var.cluster_name}-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = local.provider_arn }
      Condition = {
        StringEquals = {
          "${var.oidc_issuer}:sub" = "system:serviceaccount:${each.value.namespace}:${each.key}"
          "${var.oidc_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })

  tags = {
    cluster = var.cluster_name
  }
}

resource "aws_iam_role_policy_attachment" "sa" {
  for_each = local.service_accounts

  role       = aws_iam_role.sa[each.key].name
  policy_arn = each.value.policy
}
