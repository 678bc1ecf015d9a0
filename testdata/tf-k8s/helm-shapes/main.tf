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

# helm provider v3: set is a list of objects.  The escaped dots keep
# eks.amazonaws.com/role-arn one key; the later set of a name wins.
resource "helm_release" "v3" {
  name      = "aws-load-balancer-controller"
  chart     = "aws-load-balancer-controller"
  namespace = "kube-system"
  set = [
    { name = "serviceAccount.name", value = "lbc" },
    { name = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn", value = aws_iam_role.app.arn },
    { name = "serviceAccount.name", value = "aws-load-balancer-controller" },
  ]
}

# An annotation written without escapes is a nested key: no role-arn
# annotation, no ServiceAccount of this release.
resource "helm_release" "unescaped" {
  name      = "other"
  chart     = "other"
  namespace = "kube-system"
  set = [
    { name = "serviceAccount.name", value = "other" },
    { name = "serviceAccount.annotations.eks.amazonaws.com/role-arn", value = aws_iam_role.app.arn },
  ]
}

# set overrides values; values[1] overrides values[0].
resource "helm_release" "order" {
  name      = "order"
  chart     = "order"
  namespace = "kube-system"
  values = [
    yamlencode({ serviceAccount = { name = "aws-load-balancer-controller" } }),
    yamlencode({ serviceAccount = { name = "second" } }),
  ]
  set {
    name  = "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"
    value = aws_iam_role.app.arn
  }
  set {
    name  = "serviceAccount.name"
    value = "third"
  }
}
