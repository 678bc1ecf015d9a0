data "aws_iam_policy_document" "actions" {
  statement {
    actions   = ["s3:GetObject", "ec2:DescribeInstances", "s3:PutObject", "iam:PassRole", "s3:GetObject"]
    resources = ["arn:aws:s3:::b/*", "arn:aws:s3:::a", "*"]
  }
}
