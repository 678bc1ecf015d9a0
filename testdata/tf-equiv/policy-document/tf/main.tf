variable "oidc_provider_arn" {
  type    = string
  default = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

variable "namespace" {
  type    = string
  default = "payments"
}

locals {
  # The issuer is the provider ARN without its "arn:...:oidc-provider/" head.
  oidc_issuer = element(split("oidc-provider/", var.oidc_provider_arn), 1)
}

data "aws_iam_policy_document" "ledger_assume" {
  statement {
    sid     = "LedgerIRSA"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.namespace}:ledger"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ledger" {
  name               = "payments-ledger"
  assume_role_policy = data.aws_iam_policy_document.ledger_assume.json
}

data "aws_iam_policy_document" "ledger_access" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
    resources = ["arn:aws:dynamodb:us-west-2:111122223333:table/ledger"]
  }
}

resource "aws_iam_role_policy" "ledger" {
  name   = "ledger-table"
  role   = aws_iam_role.ledger.id
  policy = data.aws_iam_policy_document.ledger_access.json
}

data "aws_iam_policy_document" "settlement_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.namespace}:settlement"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "settlement" {
  name                = "payments-settlement"
  assume_role_policy  = data.aws_iam_policy_document.settlement_assume.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonSQSFullAccess"]
}
