#!/usr/bin/env bash
# distcc.sh - the summaries and the whole-program report survive distcc:
# every unit compiles on a distccd started here on loopback (no local
# fallback), the plugin runs on the server side (the objects it sends back
# carry the summary), and summaries and report are byte-identical to a
# local build. The daemon is stopped on every exit path.
#
#   CLANG=... PLUGIN=... REPORT=... OBJCOPY=... RUNTIME=... INCLUDE=... \
#   PYTHON=python3 SRC=test/integration/consumer WORK=/tmp/x \
#   test/integration/distcc.sh
set -euo pipefail
. "$(dirname "$0")/build_lib.sh"
ag_need_tool distcc distcc
ag_need_tool distccd distcc
ag_need_tool setsid util-linux

rm -rf "$WORK" && mkdir -p "$WORK/distcc"
# Sources by relative name from their directory, as make builds name them.
# With absolute names the summaries differ today: the plugin keeps only the
# file part of a debug location, which clang makes relative to the longest
# directory it shares with the compile's working directory, and distccd
# compiles in a directory of its own (the summary should join the
# directory and the file).
export AG_RELATIVE=1
# distccd refuses -fplugin= ("insecure"), so the plugin is loaded with
# -fpass-plugin= alone; clang 20+ also parses -mllvm after loading it.
flags=(-fpass-plugin="$PLUGIN")

port=$("$PYTHON" -c 'import socket; s = socket.socket()
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# distccd runs only the absolute compiler paths listed in DISTCC_CMDLIST.
echo "$CLANG" >"$WORK/cmdlist"
# Its own session: on SIGTERM distccd signals its whole process group,
# which must not include this script.
DISTCC_CMDLIST=$WORK/cmdlist setsid distccd --daemon --no-detach \
  --allow 127.0.0.1 --listen 127.0.0.1 --port "$port" --jobs 2 \
  --log-stderr --log-level info 2>"$WORK/distccd.log" &
daemon=$!
stop_daemon() {
  kill -TERM "$daemon" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$daemon" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$daemon" 2>/dev/null || true
  wait "$daemon" 2>/dev/null || true
}
trap stop_daemon EXIT
trap 'exit 1' INT TERM

for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$daemon" 2>/dev/null ||
    { cat "$WORK/distccd.log" >&2; ag_fail "distccd exited at start"; }
  sleep 0.1
done

ag_build "$WORK/local" env -- "${flags[@]}"
ag_report "$WORK/local"

# Remote only: no local host, no fallback to compiling locally.
DISTCC_HOSTS="127.0.0.1:$port/2" DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1 \
DISTCC_DIR=$WORK/distcc DISTCC_LOG=$WORK/distcc.log DISTCC_VERBOSE=1 \
  ag_build "$WORK/remote" distcc -- "${flags[@]}"
ag_report "$WORK/remote"

for u in $AG_UNITS; do
  grep -q "compile $u.c on 127.0.0.1:$port/2 completed ok" "$WORK/distcc.log" ||
    { cat "$WORK/distcc.log" >&2; ag_fail "$u.c was not compiled by distccd"; }
done
ok=$(grep -c "COMPILE_OK.*$CLANG" "$WORK/distccd.log" || true)
[ "$ok" = 3 ] ||
  { cat "$WORK/distccd.log" >&2; ag_fail "distccd ran $ok compiles, expected 3"; }

ag_same "$WORK/local" "$WORK/remote"

stop_daemon
! kill -0 "$daemon" 2>/dev/null || ag_fail "distccd ($daemon) did not stop"
echo "distcc: 3 units compiled by distccd on port $port with the plugin;" \
     "identical summaries and reports"
