data "aws_iam_policy_document" "srcdup_self" {
  source_policy_documents = [jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "a:1" }, { Sid = "A", Effect = "Allow", Action = "a:2" }] })]
}
