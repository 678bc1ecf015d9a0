variable "cluster_name" {
  type    = string
  default = "edge"
}

variable "oidc_provider_arn" {
  type    = string
  default = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ED6E000000000000000000000000000A"
}

locals {
  oidc_issuer = replace(var.oidc_provider_arn, "/^(.*provider/)/", "")

  roles = {
    karpenter = {
      namespace       = "karpenter"
      service_account = "karpenter"
      use_name_prefix = true
      policy_arn      = "arn:aws:iam::aws:policy/AmazonEC2FullAccess"
    }
    fluent-bit = {
      namespace       = "logging"
      service_account = "fluent-bit"
      use_name_prefix = false
      policy_arn      = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
    }
  }
}

data "aws_iam_policy_document" "assume" {
  for_each = local.roles

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${each.value.namespace}:${each.value.service_account}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each = local.roles

  name        = each.value.use_name_prefix ? null : "${var.cluster_name}-${each.key}"
  name_prefix = each.value.use_name_prefix ? "${var.cluster_name}-${each.key}-" : null

  assume_role_policy = data.aws_iam_policy_document.assume[each.key].json
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = local.roles

  role       = aws_iam_role.this[each.key].name
  policy_arn = each.value.policy_arn
}

resource "aws_iam_role" "image_cache" {
  name_prefix = "image-cache-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = var.oidc_provider_arn }
      Condition = {
        StringEquals = {
          "${local.oidc_issuer}:sub" = "system:serviceaccount:registry:image-cache"
          "${local.oidc_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"]
}
