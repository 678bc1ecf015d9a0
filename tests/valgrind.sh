#!/bin/sh
# Run every golden case under valgrind: any invalid access or leak
# makes irsalint exit 99, which no .out expects, so the case fails; and
# the language server's transcripts (tests/lsp.sh, its client built by
# make check).
#   sh tests/valgrind.sh ./irsalint [LSP_CLIENT]
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
status=0
sh tests/golden.sh "$wrap" || status=1
LSP_TIMEOUT=120 sh tests/lsp.sh "$wrap" "${2:-build/obj/lsp_client}" || status=1
exit $status
