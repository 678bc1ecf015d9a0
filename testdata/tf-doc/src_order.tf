data "aws_iam_policy_document" "src_order" {
  source_policy_documents = [<<-J
    {"Statement": [
      {"Action": ["a:1", "b:1"], "Resource": ["r1", "r2"], "Principal": {"*": ["*"]}, "Extra": 1},
      {"action": "lower", "EFFECT": "Deny", "Principal": {"AWS": "*"}, "Condition": {"NumericLessThan": {"n": 3}, "Bool": {"b": false}}}
    ]}
    J
  ]
}
