# A registry module that terraform init has not downloaded: what it
# declares cannot be read, and irsalint says so at the call.
module "lbc_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.55.0"

  role_name                              = "lbc"
  attach_load_balancer_controller_policy = true
}
