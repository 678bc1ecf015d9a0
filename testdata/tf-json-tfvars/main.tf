# Variables from terraform.tfvars.json and x.auto.tfvars.json, the
# later winning (terraform 1.11.4 console here: var.ns is "from-auto",
# var.sa "from-tfvars-json").
variable "ns" {
  type    = string
  default = "from-default"
}

variable "sa" {
  type    = string
  default = "from-default"
}

resource "aws_iam_role" "app" {
  name = "${var.ns}-${var.sa}"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
