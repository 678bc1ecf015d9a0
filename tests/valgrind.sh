#!/bin/sh
# Run every golden case under valgrind: any invalid access or leak
# makes irsalint exit 99, which no .out expects, so the case fails.
#   sh tests/valgrind.sh ./irsalint
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
command -v valgrind >/dev/null 2>&1 || {
	echo "valgrind: not installed" >&2
	exit 2
}
wrap=$(mktemp) || exit 2
trap 'rm -f "$wrap"' EXIT
printf '#!/bin/sh\nexec valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 "%s" "$@"\n' \
    "$prog" >"$wrap"
chmod +x "$wrap"
sh tests/golden.sh "$wrap"
