locals {
  issuer = "oidc.eks.us-east-1.amazonaws.com/id/5C4E8A2F9B7D1E3A6F0C2B8D4E7A9F13"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "app" {
  name = "shop-orders"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/${local.issuer}" }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:orders:orders-api"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "kubernetes_service_account_v1" "orders" {
  metadata {
    name      = "orders-api"
    namespace = "orders"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.app.arn
    }
  }
}

# The deprecated name of the same resource; no role, in "default".
resource "kubernetes_service_account" "worker" {
  metadata {
    name = "worker"
  }
}
