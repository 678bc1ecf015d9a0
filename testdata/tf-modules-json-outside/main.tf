# modules.json that points outside the repository: an error at the
# call, and nothing is read there.
module "escape" {
  source = "example/iam/aws"
}
