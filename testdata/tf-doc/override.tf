data "aws_iam_policy_document" "ovr1" {
  policy_id = "Overridden"
  statement {
    sid     = "Replace"
    actions = ["kms:Decrypt"]
  }
  statement {
    actions = ["sqs:SendMessage"]
  }
}
data "aws_iam_policy_document" "override" {
  override_policy_documents = [data.aws_iam_policy_document.ovr1.json]
  policy_id = "Mine"
  statement {
    sid     = "Replace"
    actions = ["s3:GetObject"]
  }
  statement {
    sid     = "Keep"
    actions = ["s3:PutObject"]
  }
}
