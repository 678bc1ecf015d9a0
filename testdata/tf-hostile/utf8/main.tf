# Invalid UTF-8 in a name and in a string.
resource "aws_iam_role" "xÿ" {
  name = "cafÃ"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
