variable "ns" {
  type = string
}

variable "prefix" {
  type = string
}

locals {
  issuer = "oidc.eks.us-west-2.amazonaws.com/id/5EED0000000000000000000000000009"
}

resource "aws_iam_role" "api" {
  name = "${var.prefix}-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/${local.issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:${var.ns}:api"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}

# Uses var.ns again, after the first role: the default it came from is
# said for this role too.
resource "aws_iam_role" "worker" {
  name = "${var.prefix}-worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/${local.issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:${var.ns}:worker"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}
