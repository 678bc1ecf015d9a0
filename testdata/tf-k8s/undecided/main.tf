locals {
  issuer = "oidc.eks.us-east-1.amazonaws.com/id/5C4E8A2F9B7D1E3A6F0C2B8D4E7A9F13"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "app" {
  name = "shop-lbc"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/${local.issuer}" }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:kube-system:aws-load-balancer-controller"
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

variable "sa_name" {
  type = string
}

# No serviceAccount.name: the chart names it.
resource "helm_release" "noname" {
  name      = "aws-load-balancer-controller"
  chart     = "aws-load-balancer-controller"
  namespace = "kube-system"
  values = [yamlencode({
    serviceAccount = {
      annotations = { "eks.amazonaws.com/role-arn" = aws_iam_role.app.arn }
    }
  })]
}

# create = false: the chart makes no ServiceAccount.
resource "helm_release" "nocreate" {
  name      = "external-dns"
  chart     = "external-dns"
  namespace = "kube-system"
  values = [<<-EOT
    serviceAccount:
      create: false
      name: external-dns
      annotations:
        eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/shop-lbc
    EOT
  ]
}

# The name is a root variable without a value.
resource "helm_release" "unknown" {
  name      = "karpenter"
  chart     = "karpenter"
  namespace = "kube-system"
  set {
    name  = "serviceAccount.name"
    value = var.sa_name
  }
  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = aws_iam_role.app.arn
  }
}

# generate_name: the API server names it.
resource "kubernetes_service_account_v1" "generated" {
  metadata {
    generate_name = "orders-"
    namespace     = "orders"
    annotations = {
      "eks.amazonaws.com/role-arn" = aws_iam_role.app.arn
    }
  }
}

# A release that gives no role: nothing to say.
resource "helm_release" "plain" {
  name  = "metrics-server"
  chart = "metrics-server"
}
