# Variables from every source Terraform reads, in its order: the
# default, terraform.tfvars, *.auto.tfvars in name order, then
# --var-file and --var as given.  The values below were checked with
# terraform 1.11.4 console in this directory:
#   terraform console -var-file=extra.tfvars -var sa=from-var
# gives var.ns "from-b-auto", var.sa "from-var", var.name "from-extra",
# var.path "/from-tfvars/", var.account "111122223333".
variable "ns" {
  type    = string
  default = "from-default"
}

variable "sa" {
  type    = string
  default = "from-default"
}

variable "name" {
  type    = string
  default = "from-default"
}

variable "path" {
  type    = string
  default = "/"
}

variable "account" {
  type = string
}

locals {
  issuer = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

resource "aws_iam_role" "app" {
  name = var.name
  path = var.path
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"Federated": "arn:aws:iam::${var.account}:oidc-provider/${local.issuer}"},
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {
          "${local.issuer}:sub": "system:serviceaccount:${var.ns}:${var.sa}",
          "${local.issuer}:aud": "sts.amazonaws.com"
        }}
      }]
    }
  EOT
}

output "values" {
  value = [var.ns, var.sa, var.name, var.path, var.account]
}
