# A trust rendered by templatefile(), the way some projects keep their
# policies beside the code.  terraform 1.11.4 console in this directory:
#   jsondecode(local.trust).Statement[0].Condition.StringEquals
# gives the sub values system:serviceaccount:logging:fluent-bit and
# system:serviceaccount:logging:fluentd.
locals {
  issuer = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
  trust = templatefile("${path.module}/trust.json.tpl", {
    provider_arn     = "arn:aws:iam::111122223333:oidc-provider/${local.issuer}"
    issuer           = local.issuer
    namespace        = "logging"
    service_accounts = ["fluent-bit", "fluentd"]
  })
}

resource "aws_iam_role" "logging" {
  name               = "logging"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy_attachment" "logging" {
  role       = aws_iam_role.logging.name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"
}
