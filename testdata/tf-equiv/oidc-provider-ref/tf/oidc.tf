variable "cluster_oidc_issuer_url" {
  description = "The cluster's identity.oidc.issuer, as aws eks describe-cluster prints it"
  type        = string
  default     = "https://oidc.eks.us-west-2.amazonaws.com/id/0DC0000000000000000000000000000E"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url             = var.cluster_oidc_issuer_url
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]

  tags = {
    Name = "eks-irsa"
  }
}

locals {
  oidc_issuer = replace(aws_iam_openid_connect_provider.eks.url, "https://", "")
}
