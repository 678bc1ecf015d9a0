# The EBS CSI driver add-on runs as kube-system/ebs-csi-controller-sa;
# its role's trust names system:serviceaccount:kube-system:ebs-csi-controller-sa.
locals {
  issuer = "oidc.eks.us-east-1.amazonaws.com/id/5C4E8A2F9B7D1E3A6F0C2B8D4E7A9F13"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "ebs" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/${local.issuer}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:sub"
      values   = ["system:serviceaccount:kube-system:ebs-csi-controller-sa"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "ebs" {
  name               = "shop-ebs-csi"
  assume_role_policy = data.aws_iam_policy_document.ebs.json
}

resource "aws_iam_role_policy_attachment" "ebs" {
  role       = aws_iam_role.ebs.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
}

resource "aws_eks_addon" "ebs" {
  cluster_name             = "shop"
  addon_name               = "aws-ebs-csi-driver"
  service_account_role_arn = aws_iam_role.ebs.arn
}
