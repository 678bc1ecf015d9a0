data "aws_iam_policy_document" "dupsid" {
  statement {
    sid     = "A"
    actions = ["s3:*"]
  }
  statement {
    sid     = "A"
    actions = ["ec2:*"]
  }
}
