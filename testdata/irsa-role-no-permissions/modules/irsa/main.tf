variable "name" { type = string }
variable "issuer" { type = string }
variable "policy" { type = string }

resource "aws_iam_role" "this" {
  count = 1
  name  = var.name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/${var.issuer}" }
      Condition = {
        StringEquals = {
          "${var.issuer}:sub" = "system:serviceaccount:apps:${var.name}"
          "${var.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "this" {
  count      = 1
  role       = aws_iam_role.this[0].id
  policy_arn = var.policy
}
