# templatefile() outside the repository, of itself, of a broken
# template, with variables that are not a map, and with a name the
# variables do not give: each an error, nothing read outside.
resource "aws_iam_role" "outside" {
  name               = "outside"
  assume_role_policy = templatefile("/etc/hostname", {})
}

resource "aws_iam_role" "itself" {
  name               = "itself"
  assume_role_policy = templatefile("${path.module}/self.tpl", {})
}

resource "aws_iam_role" "broken" {
  name               = "broken"
  assume_role_policy = templatefile("${path.module}/broken.tpl", {})
}

resource "aws_iam_role" "notmap" {
  name               = "notmap"
  assume_role_policy = templatefile("${path.module}/broken.tpl", "x")
}

resource "aws_iam_role" "novar" {
  name               = "novar"
  assume_role_policy = templatefile("${path.module}/novar.tpl", { a = 1 })
}
