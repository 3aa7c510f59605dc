# example_check.sh - sourced by the install tests: compile
# examples/audio_callback.c with a given command and check what README
# promises, the static report (three findings, the strdup two calls down
# with its notes) and the run-time abort at that strdup.
#
#   source test/integration/example_check.sh
#   check_example <dir> <compile command...>   # the command gets "-o <dir>/app"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The compile must succeed and print README's report; `-mllvm
# -allocguard-caret=off` in the command shows that -mllvm options reach
# the plugin (clang 19 and older need -fplugin= for that).
check_example() {
  local dir=$1
  shift
  mkdir -p "$dir"
  "$@" -o "$dir/app" >"$dir/compile.log" 2>&1 ||
    { cat "$dir/compile.log" >&2; fail "compiling the example: $*"; }
  local want
  for want in \
    "audio_callback.c:46:20: warning: alloc_free function 'audio_callback' calls 'malloc', which allocates \[-Wallocguard\]" \
    "audio_callback.c:54:3: warning: alloc_free function 'audio_callback' calls 'free', which deallocates \[-Wallocguard-dealloc\]" \
    "audio_callback.c:45:5: warning: alloc_free function 'audio_callback' may allocate: call to 'start_voice' reaches 'strdup' \[-Wallocguard\]" \
    "audio_callback.c:39:14: note: 'start_voice' calls 'label_for'" \
    "audio_callback.c:30:10: note: 'label_for' calls 'strdup', which allocates"; do
    grep -q "$want" "$dir/compile.log" ||
      { cat "$dir/compile.log" >&2; fail "the report lacks: $want ($*)"; }
  done
  if grep -q '^ *| *\^' "$dir/compile.log"; then
    cat "$dir/compile.log" >&2
    fail "-mllvm -allocguard-caret=off did not reach the plugin ($*)"
  fi
  local rc=0
  "$dir/app" >"$dir/run.out" 2>"$dir/run.err" || rc=$?
  [ "$rc" -eq 134 ] ||
    { cat "$dir/run.err" >&2; fail "the example exited $rc, not 134 (SIGABRT) ($*)"; }
  grep -Eq "^==[0-9]+==ERROR: allocguard: allocation in alloc_free scope: strdup\(8 bytes\) at .*audio_callback.c:30:10 in label_for; root audio_callback at .*audio_callback.c:43$" \
    "$dir/run.err" || { cat "$dir/run.err" >&2; fail "the abort did not name the strdup ($*)"; }
}
