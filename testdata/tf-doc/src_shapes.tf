data "aws_iam_policy_document" "src_shapes" {
  version = "2008-10-17"
  source_json = ""
  source_policy_documents = [jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "NoEffect", Action = ["s3:*"], NotPrincipal = "*" },
      { Principal = { AWS = ["x"] }, NotPrincipal = { Service = "a" }, Resource = "r", NotResource = "&{nr}", Condition = { StringEquals = { k = [] } } },
    ]
  })]
}
