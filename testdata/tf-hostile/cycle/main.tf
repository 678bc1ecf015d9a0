# Module a calls b, which calls a.
module "a" {
  source = "./modules/a"
}
