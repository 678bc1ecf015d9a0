# The plan beside this file, plan.json, was made from it offline with
# Terraform 1.11.4 and hashicorp/aws 5.100.0 from a filesystem mirror:
# terraform init; terraform plan -refresh=false -out p;
# terraform show -json p > plan.json.
# The trust is unknown until apply (the provider's ARN is), and its
# references name local.issuer twice and the provider's ARN and the
# provider itself: irsalint lists each once.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "5.100.0" }
  }
}

provider "aws" {
  region                      = "us-west-2"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

variable "namespace" {
  type    = string
  default = "apps"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
  client_id_list = ["sts.amazonaws.com"]
}

locals {
  issuer = trimprefix(aws_iam_openid_connect_provider.eks.url, "https://")
}

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.eks.arn }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:${var.namespace}:app"
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
