data "aws_iam_policy_document" "notjson_ovr" {
  override_policy_documents = ["{"]
}
