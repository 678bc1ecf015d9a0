data "aws_iam_policy_document" "two_sources" {
  source_policy_documents = [
    jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "A", Effect = "Allow", Action = "a:1" }] }),
    jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "B", Effect = "Allow", Action = "b:1" }] }),
  ]
  override_policy_documents = [
    jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "A", Effect = "Deny", Action = "a:2" }, { Sid = "C", Effect = "Allow", Action = "c:1" }] }),
    jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "C", Effect = "Deny", Action = "c:2" }] }),
  ]
  statement {
    sid     = "B"
    actions = ["b:2"]
  }
}
