data "aws_iam_policy_document" "misc" {
  source_policy_documents = [jsonencode({ Statement = [{ Sid = "Foo", Principal = "foo", NotPrincipal = { "*" = "*", AWS = "x" }, Action = "", NotAction = [] }] })]
  statement {
    sid       = "a\u0008b\u000cc\u2028d\u001fe"
    actions   = ["&{x}"]
    not_actions = ["é"]
  }
}
