data "aws_iam_policy_document" "notjson" {
  source_policy_documents = ["not json"]
}
