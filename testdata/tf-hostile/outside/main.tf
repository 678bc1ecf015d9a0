# file() and a module that reach outside the repository: errors, and
# nothing is read.
resource "aws_iam_role" "x" {
  name               = "x"
  assume_role_policy = file("/etc/passwd")
}

module "escape" {
  source = "../../../../../../../../../../../../tmp"
}
