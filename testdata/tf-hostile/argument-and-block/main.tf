# An argument and a block of one name in one body: Terraform refuses it
# (found by fuzz_tfsrc: the empty list was copied from a NULL array).
resource "aws_iam_role" "x" {
  name               = "x"
  assume_role_policy = "{}"
  inline_policy      = []
  inline_policy {
    name = "a"
  }
}
