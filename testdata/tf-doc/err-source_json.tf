data "aws_iam_policy_document" "source_json" {
  source_json = "{}"
}
