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

# Values in order, then set: the name of values[0] is overridden by
# values[1], and set gives the role.
resource "helm_release" "lbc" {
  name       = "aws-load-balancer-controller"
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-load-balancer-controller"
  namespace  = "kube-system"

  values = [
    yamlencode({
      clusterName    = "shop"
      serviceAccount = { create = true, name = "lbc" }
    }),
    <<-EOT
    serviceAccount:
      name: aws-load-balancer-controller
    EOT
  ]
  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = aws_iam_role.app.arn
  }
}
