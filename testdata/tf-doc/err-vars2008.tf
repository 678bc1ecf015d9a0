data "aws_iam_policy_document" "vars2008" {
  version = "2008-10-17"
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::b/&{aws:username}"]
  }
}
