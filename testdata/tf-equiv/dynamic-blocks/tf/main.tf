variable "oidc_providers" {
  description = "The clusters whose workloads may assume the role, by name"
  type = map(object({
    provider_arn = string
    namespaces   = list(string)
  }))
  default = {
    blue = {
      provider_arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/B1E00000000000000000000000000001"
      namespaces   = ["ingest"]
    }
    green = {
      provider_arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/6EE00000000000000000000000000002"
      namespaces   = ["ingest", "backfill"]
    }
  }
}

variable "service_account" {
  type    = string
  default = "kinesis-reader"
}

variable "extra_conditions" {
  description = "Conditions added to every statement"
  type = list(object({
    test     = string
    claim    = string
    values   = list(string)
  }))
  default = [
    { test = "StringEquals", claim = "aud", values = ["sts.amazonaws.com"] },
  ]
}

data "aws_iam_policy_document" "assume" {
  dynamic "statement" {
    for_each = var.oidc_providers
    iterator = cluster

    content {
      sid     = "Irsa${title(cluster.key)}"
      effect  = "Allow"
      actions = ["sts:AssumeRoleWithWebIdentity"]

      principals {
        type        = "Federated"
        identifiers = [cluster.value.provider_arn]
      }

      condition {
        test     = "StringEquals"
        variable = "${replace(cluster.value.provider_arn, "/^(.*provider/)/", "")}:sub"
        values   = [for ns in cluster.value.namespaces : "system:serviceaccount:${ns}:${var.service_account}"]
      }

      dynamic "condition" {
        for_each = var.extra_conditions
        iterator = extra

        content {
          test     = extra.value.test
          variable = "${replace(cluster.value.provider_arn, "/^(.*provider/)/", "")}:${extra.value.claim}"
          values   = extra.value.values
        }
      }
    }
  }
}

resource "aws_iam_role" "kinesis_reader" {
  name               = "kinesis-reader"
  path               = "/workloads/"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "kinesis_reader" {
  role       = aws_iam_role.kinesis_reader.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonKinesisReadOnlyAccess"
}
