# Malformed EKS add-ons: each is an error at its block.
resource "aws_eks_addon" "number" {
  cluster_name = "shop"
  addon_name   = 42
}

resource "aws_eks_addon" "list_role" {
  cluster_name             = "shop"
  addon_name               = "vpc-cni"
  service_account_role_arn = ["arn:aws:iam::111122223333:role/cni"]
}

resource "aws_eks_addon" "association" {
  cluster_name = "shop"
  addon_name   = "aws-ebs-csi-driver"
  pod_identity_association {
    role_arn = "arn:aws:iam::111122223333:role/ebs"
  }
}
