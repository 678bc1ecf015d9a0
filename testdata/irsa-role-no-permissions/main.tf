# The plan beside this file, plan-refs.json, was made from it (and from
# modules/irsa) offline with Terraform 1.11.4 and hashicorp/aws 5.100.0
# from a filesystem mirror: terraform init; terraform plan
# -refresh=false -out p; terraform show -json p > plan-refs.json.
# Every role but "lonely" has a policy, most of them through a role
# or roles argument the plan leaves unknown until apply: sa-refs.yaml
# uses the others and stays quiet, sa-lonely.yaml uses lonely and is
# warned about.
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

locals {
  issuer = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
  policy = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
  names  = ["by-id", "by-name", "inline", "shared", "group-0", "group-1", "worker-0", "worker-1", "app-web", "app-api", "lonely"]
  trust = { for n in local.names : n => jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/${local.issuer}" }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:apps:${n}"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  }) }
}

# role = aws_iam_role.x.id: unknown until apply.
resource "aws_iam_role" "by_id" {
  name               = "by-id"
  assume_role_policy = local.trust["by-id"]
}

resource "aws_iam_role_policy_attachment" "by_id" {
  role       = aws_iam_role.by_id.id
  policy_arn = local.policy
}

# role = aws_iam_role.x.name: known in the plan.
resource "aws_iam_role" "by_name" {
  name               = "by-name"
  assume_role_policy = local.trust["by-name"]
}

resource "aws_iam_role_policy_attachment" "by_name" {
  role       = aws_iam_role.by_name.name
  policy_arn = local.policy
}

# An inline policy, role = aws_iam_role.x.id.
resource "aws_iam_role" "inline" {
  name               = "inline"
  assume_role_policy = local.trust["inline"]
}

resource "aws_iam_role_policy" "inline" {
  role = aws_iam_role.inline.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:ListAllMyBuckets", Resource = "*" }]
  })
}

# aws_iam_policy_attachment: roles known in the plan, and roles known
# only after apply (a splat of .id).
resource "aws_iam_role" "shared" {
  name               = "shared"
  assume_role_policy = local.trust["shared"]
}

resource "aws_iam_role" "group" {
  count              = 2
  name               = "group-${count.index}"
  assume_role_policy = local.trust["group-${count.index}"]
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  roles      = [aws_iam_role.shared.name]
  users      = ["deploy"]
  policy_arn = local.policy
}

resource "aws_iam_policy_attachment" "group" {
  name       = "group"
  roles      = aws_iam_role.group[*].id
  policy_arn = local.policy
}

# count and for_each on both sides, matched by count.index and each.key.
resource "aws_iam_role" "workers" {
  count              = 2
  name               = "worker-${count.index}"
  assume_role_policy = local.trust["worker-${count.index}"]
}

resource "aws_iam_role_policy_attachment" "workers" {
  count      = 2
  role       = aws_iam_role.workers[count.index].id
  policy_arn = local.policy
}

resource "aws_iam_role" "apps" {
  for_each           = toset(["web", "api"])
  name               = "app-${each.key}"
  assume_role_policy = local.trust["app-${each.key}"]
}

resource "aws_iam_role_policy_attachment" "apps" {
  for_each   = aws_iam_role.apps
  role       = aws_iam_role.apps[each.key].id
  policy_arn = local.policy
}

# Inside modules called with for_each and with count.
module "irsa" {
  source   = "./modules/irsa"
  for_each = toset(["cache", "queue"])
  name     = "irsa-${each.key}"
  issuer   = local.issuer
  policy   = local.policy
}

module "single" {
  source = "./modules/irsa"
  count  = 1
  name   = "single"
  issuer = local.issuer
  policy = local.policy
}

# A role nothing is attached to; the attachment beside it is for
# another role.
resource "aws_iam_role" "lonely" {
  name               = "lonely"
  assume_role_policy = local.trust["lonely"]
}

resource "aws_iam_role_policy_attachment" "beside_lonely" {
  role       = aws_iam_role.by_id.id
  policy_arn = "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"
}
