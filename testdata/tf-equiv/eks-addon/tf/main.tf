# EKS add-ons and the roles they are given.  Each add-on runs as the
# ServiceAccounts of its own manifests, which EKS annotates with its
# service_account_role_arn.
locals {
  issuer   = "oidc.eks.us-east-1.amazonaws.com/id/5C4E8A2F9B7D1E3A6F0C2B8D4E7A9F13"
  provider = "arn:aws:iam::111122223333:oidc-provider/${local.issuer}"
  # The trust of a role for the ServiceAccounts of subjects.
  trusts = {
    for name, subjects in {
      ebs  = ["system:serviceaccount:kube-system:ebs-csi-controller"]
      cni  = ["system:serviceaccount:kube-system:aws-node"]
      efs  = ["system:serviceaccount:kube-system:efs-csi-*"]
      flow = ["system:serviceaccount:amazon-network-flow-monitor:aws-network-flow-monitor-agent-service-account"]
      web  = ["system:serviceaccount:apps:web"]
    } : name => jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Principal = { Federated = local.provider }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringLike = {
            "${local.issuer}:sub" = subjects
            "${local.issuer}:aud" = "sts.amazonaws.com"
          }
        }
      }]
    })
  }
}

resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "irsa" {
  for_each           = local.trusts
  name               = "shop-${each.key}"
  assume_role_policy = each.value
}

resource "aws_iam_role_policy_attachment" "irsa" {
  for_each   = local.trusts
  role       = aws_iam_role.irsa[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# The trust names ebs-csi-controller; the add-on runs as
# ebs-csi-controller-sa.
resource "aws_eks_addon" "ebs" {
  cluster_name             = "shop"
  addon_name               = "aws-ebs-csi-driver"
  service_account_role_arn = aws_iam_role.irsa["ebs"].arn
}

resource "aws_eks_addon" "vpc_cni" {
  cluster_name             = "shop"
  addon_name               = "vpc-cni"
  service_account_role_arn = aws_iam_role.irsa["cni"].arn
}

# AWS's own recipe: StringLike efs-csi-*, for the controller and the
# node ServiceAccounts both.
resource "aws_eks_addon" "efs" {
  cluster_name             = "shop"
  addon_name               = "aws-efs-csi-driver"
  service_account_role_arn = aws_iam_role.irsa["efs"].arn
}

# CoreDNS calls no AWS API: the role is not used.
resource "aws_eks_addon" "coredns" {
  cluster_name             = "shop"
  addon_name               = "coredns"
  service_account_role_arn = aws_iam_role.irsa["cni"].arn
}

# Not in irsalint's table: its ServiceAccount is not guessed.
resource "aws_eks_addon" "flow" {
  cluster_name             = "shop"
  addon_name               = "aws-network-flow-monitoring-agent"
  service_account_role_arn = aws_iam_role.irsa["flow"].arn
}

resource "aws_iam_role" "s3" {
  name = "shop-s3-csi"
  # Pod Identity needs sts:TagSession too.
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "s3" {
  role       = aws_iam_role.s3.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}

resource "aws_eks_addon" "s3" {
  cluster_name = "shop"
  addon_name   = "aws-mountpoint-s3-csi-driver"
  pod_identity_association {
    role_arn        = aws_iam_role.s3.arn
    service_account = "s3-csi-driver-sa"
  }
}
