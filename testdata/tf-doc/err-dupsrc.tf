data "aws_iam_policy_document" "dupsrc" {
  source_policy_documents = [
    jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "a:1" }] }),
    jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "a:2" }] }),
  ]
}
