# Locals that need each other.
locals {
  a = local.b
  b = "${local.a}-x"
}

resource "aws_iam_role" "x" {
  name               = local.a
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
