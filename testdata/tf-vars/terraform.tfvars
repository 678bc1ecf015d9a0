ns      = "from-tfvars"
path    = "/from-tfvars/"
account = "111122223333"
