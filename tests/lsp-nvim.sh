#!/bin/sh
# SPDX-License-Identifier: ISC
# The language server in a real client: headless Neovim (Debian 12's
# 0.7) runs tests/lsp-nvim.lua on a copy of testdata/lsp/ws, then on a
# copy of the bundled example testdata/examples/article.  Skipped,
# with a message, only where nvim is not installed.
#   sh tests/lsp-nvim.sh ./irsalint
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
if ! command -v nvim >/dev/null 2>&1; then
	echo "lsp-nvim: skipped: nvim is not installed (apt-get install neovim)"
	exit 0
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cp -R testdata/lsp/ws "$tmp/ws" || exit 2
# The bundled example as the README lints it (broken-tf).
mkdir "$tmp/article" && cp -R testdata/examples/article/terraform \
    testdata/examples/article/broken "$tmp/article/" || exit 2
printf 'inputs: [terraform, broken]\n' >"$tmp/article/.irsalint.yaml"
# No user configuration, and Neovim's state and logs in tmp.
HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data \
    XDG_STATE_HOME=$tmp/state XDG_CACHE_HOME=$tmp/cache \
    IRSALINT=$prog WS=$tmp/ws ART=$tmp/article \
    timeout 120 nvim --clean --headless -n \
    -c "luafile $(pwd)/tests/lsp-nvim.lua" </dev/null
status=$?
if [ "$status" -ne 0 ]; then
	echo "lsp-nvim: failed (status $status)"
	[ -f "$tmp/cache/nvim/lsp.log" ] && tail -20 "$tmp/cache/nvim/lsp.log"
	exit 1
fi
