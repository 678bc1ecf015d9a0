data "aws_iam_policy_document" "version2008" {
  version   = "2008-10-17"
  policy_id = "MyPolicy"
  statement {
    sid     = ""
    actions = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::b"]
  }
}
