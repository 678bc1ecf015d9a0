data "aws_iam_policy_document" "src1" {
  statement {
    sid       = "Keep"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::b"]
  }
  statement {
    sid       = "Replace"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
  statement {
    actions = ["ec2:DescribeInstances"]
  }
}
data "aws_iam_policy_document" "source" {
  source_policy_documents = [data.aws_iam_policy_document.src1.json]
  statement {
    sid     = "Replace"
    effect  = "Deny"
    actions = ["s3:DeleteObject"]
  }
  statement {
    sid     = "New"
    actions = ["s3:PutObject"]
  }
}
