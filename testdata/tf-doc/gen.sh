#!/bin/sh
# Not run by make check: how the NAME.json here were made, once, with
# the real provider.  From a scratch directory outside the tree, with
# TF_CLI_CONFIG_FILE naming a CLI config whose provider_installation
# has a filesystem_mirror holding hashicorp/aws:
#   sh gen.sh TFDOCDIR RUNDIR NAME...
# runs the cases TFDOCDIR/NAME.tf in RUNDIR and writes TFDOCDIR/NAME.json.
set -e
src=$(cd "$1" && pwd); d=$2; shift 2
mkdir -p "$d"
cat > "$d/main.tf" <<'P'
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "x"
  secret_key                  = "x"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
P
for c in "$@"; do
	cat "$src/$c.tf" >> "$d/main.tf"
	echo "output \"$c\" { value = data.aws_iam_policy_document.$c.json }" \
	    >> "$d/main.tf"
done
cd "$d"
[ -d .terraform ] || terraform init -no-color > /dev/null
rm -f terraform.tfstate terraform.tfstate.backup
terraform apply -auto-approve -no-color > apply.log 2>&1 ||
    { cat apply.log; exit 1; }
for c in "$@"; do
	terraform output -raw "$c" > "$src/$c.json"
done
