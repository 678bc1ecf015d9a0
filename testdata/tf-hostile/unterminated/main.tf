# A template that never ends.
resource "aws_iam_role" "x" {
  name = "x"
  assume_role_policy = "${jsonencode({a = 1})
}
