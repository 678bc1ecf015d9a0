variable "a" {
  default = "x\q"
}

resource "r" "x" {
  name =
  ok   = true
  b    = [1 2]
}

locals {
  c = "unterminated
  d = 1
  d = 2
}
