# Ignore comments in .tf files: on the line above a block and trailing
# on its first line, as in YAML.
# irsalint:ignore terraform-not-evaluated -- the module is vendored in CI
module "lbc_irsa" {
  source = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
}

resource "aws_iam_role" "x" { # irsalint:ignore irsa-trust-missing-aud
  name = "x"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/X" }, Condition = { StringEquals = { "oidc.eks.us-west-2.amazonaws.com/id/X:sub" = "system:serviceaccount:a:b" } } }] })
}

