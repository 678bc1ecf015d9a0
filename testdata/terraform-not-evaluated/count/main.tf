# A role whose count depends on an attribute known only after apply:
# its instances cannot be known, and irsalint says so at the block.
resource "aws_iam_openid_connect_provider" "eks" {
  url            = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "app" {
  count              = aws_iam_openid_connect_provider.eks.arn != "" ? 1 : 0
  name               = "app"
  assume_role_policy = "{}"
}
