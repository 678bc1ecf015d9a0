#!/bin/sh
# SPDX-License-Identifier: ISC
# The steps of the GitHub Action (action.yml), kept here so that
# tests/action.sh runs the same code as a runner.  Inputs come through
# the environment, never through the text of a script.
#
#   action.sh build   build irsalint in $GITHUB_ACTION_PATH, installing
#                     the Debian packages it needs when they are missing
#                     (as root, else with a sudo that needs no password)
#   action.sh run     lint once: SARIF into $SARIF, annotations and the
#                     step summary on standard output; write the outputs
#                     exit-code and upload to $GITHUB_OUTPUT
PKGS="build-essential pkg-config libyaml-dev libcjson-dev"

have_deps() {
	command -v cc >/dev/null 2>&1 && command -v make >/dev/null 2>&1 &&
	    command -v pkg-config >/dev/null 2>&1 &&
	    pkg-config --exists yaml-0.1 libcjson
}

build() {
	if ! have_deps; then
		if [ "$(id -u)" -eq 0 ]; then
			as=
		elif command -v sudo >/dev/null 2>&1 && sudo -n true \
		    >/dev/null 2>&1; then
			as=sudo
		else
			echo "::error title=irsalint::building irsalint needs" \
			    "$PKGS (Debian/Ubuntu names); this runner has" \
			    "neither root nor a password-less sudo, so" \
			    "install them in an earlier step"
			exit 2
		fi
		if ! command -v apt-get >/dev/null 2>&1; then
			echo "::error title=irsalint::building irsalint needs" \
			    "a C compiler, make, pkg-config, libyaml and cJSON" \
			    "(Debian/Ubuntu: $PKGS); this runner has no" \
			    "apt-get, so install them in an earlier step"
			exit 2
		fi
		$as apt-get update -qq &&
		    DEBIAN_FRONTEND=noninteractive $as apt-get install -y -qq \
		    --no-install-recommends $PKGS >/dev/null || {
			echo "::error title=irsalint::apt-get install $PKGS failed"
			exit 2
		}
	fi
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u SANITIZE -u TSAN -u WERROR \
	    make -s -C "$GITHUB_ACTION_PATH" irsalint || {
		echo "::error title=irsalint::the build of irsalint failed"
		exit 2
	}
	echo "$GITHUB_ACTION_PATH" >>"$GITHUB_PATH"
}

# upload: "true" (always), "false" (never) or "auto": not for a pull
# request from a fork, where the token cannot write code scanning.
decide_upload() {
	case $UPLOAD in
	true|always)	echo true ;;
	false|never)	echo false ;;
	auto|"")
		if [ "$IS_FORK" = true ]; then
			echo "::notice title=irsalint::SARIF not uploaded: code" \
			    "scanning is not writable from a fork's pull" \
			    "request (set upload-sarif: true to try anyway)" >&2
			echo false
		else
			echo true
		fi ;;
	*)
		echo "::error title=irsalint::upload-sarif: expected auto," \
		    "true or false, not '$UPLOAD'" >&2
		echo invalid ;;
	esac
}

run() {
	prog=${IRSALINT:-irsalint}
	upload=$(decide_upload)
	if [ "$upload" = invalid ]; then
		echo "exit-code=2" >>"$GITHUB_OUTPUT"
		echo "upload=false" >>"$GITHUB_OUTPUT"
		return
	fi
	rm -f "$SARIF"
	# Word splitting of ARGS and PATHS is intended; no globbing.
	set -f
	if [ "$ANNOTATE" = true ]; then
		"$prog" -o "sarif=$SARIF" -o github=- $ARGS $PATHS
	else
		"$prog" -o "sarif=$SARIF" -o text=- $ARGS $PATHS
	fi
	status=$?
	set +f
	# A configuration or input error: annotated and summarised above
	# (-f github), never uploaded as if the run were complete.
	if [ $status -ge 2 ]; then
		msg="irsalint could not check every input (exit $status): the"
		msg="$msg messages above say why; no SARIF report is uploaded"
		echo "::error title=irsalint::$msg"
		[ -n "$GITHUB_STEP_SUMMARY" ] &&
		    printf '%s\n\n' "**$msg.**" >>"$GITHUB_STEP_SUMMARY"
		upload=false
	elif [ ! -s "$SARIF" ]; then
		echo "::error title=irsalint::no SARIF report was written"
		status=2
		upload=false
	fi
	echo "exit-code=$status" >>"$GITHUB_OUTPUT"
	echo "upload=$upload" >>"$GITHUB_OUTPUT"
}

case $1 in
build)	build ;;
run)	run ;;
*)	echo "usage: action.sh build | run" >&2; exit 2 ;;
esac
