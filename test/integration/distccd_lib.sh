# distccd_lib.sh - sourced by the distcc tests: a distccd on loopback for
# one compiler, stopped on every exit path.
#
#   ag_start_distccd COMPILER   # sets $port; needs $WORK and $PYTHON

ag_start_distccd() {
  port=$("$PYTHON" -c 'import socket; s = socket.socket()
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # distccd runs only the absolute compiler paths listed in DISTCC_CMDLIST.
  echo "$1" >"$WORK/cmdlist"
  # Its own session: on SIGTERM distccd signals its whole process group,
  # which must not include the test.
  DISTCC_CMDLIST=$WORK/cmdlist setsid distccd --daemon --no-detach \
    --allow 127.0.0.1 --listen 127.0.0.1 --port "$port" --jobs 2 \
    --log-stderr --log-level info 2>"$WORK/distccd.log" &
  ag_distccd=$!
  trap ag_stop_distccd EXIT
  trap 'exit 1' INT TERM
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$ag_distccd" 2>/dev/null ||
      { cat "$WORK/distccd.log" >&2; ag_fail "distccd exited at start"; }
    sleep 0.1
  done
}

ag_stop_distccd() {
  kill -TERM "$ag_distccd" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$ag_distccd" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$ag_distccd" 2>/dev/null || true
  wait "$ag_distccd" 2>/dev/null || true
}
