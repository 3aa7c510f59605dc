# lua.sh - recipe for Lua 5.4 (Debian source package lua5.4), sourced by
# lib.sh. The stand-alone interpreter (lua.c, Lua's own host program) runs
# the scripts in test/realcode/lua/ and a few one-liners: strings, tables,
# metatables, coroutines, the collector, errors and io.
RC_PKG=lua5.4
# lua.c creates the state with luaL_newstate and runs everything else
# inside lua_pcallk (its pmain), so these scopes cover the whole run.
RC_ROOTS=lua_newstate,luaL_newstate,luaL_openlibs,luaL_loadstring,luaL_loadbufferx,luaL_loadfilex,lua_pcallk,lua_callk,lua_resume,lua_close
RC_PROGRAMS="lua"
# lua_callk is left by longjmp when the function it calls raises an error:
# its RealtimeSanitizer trampoline would never leave the real-time context.
RC_RTSAN_SKIP=lua_callk
RC_WORKLOADS="strings tables errors uncaught oneliners"

rc_build() {
  local out=$2 f u
  # Debian's luaconf.h includes the header debian/rules writes.
  echo '#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"' \
    >"$out/lua5.4-deb-multiarch.h"
  for f in "$SRC"/src/*.c; do
    u=$(basename "$f" .c)
    [ "$u" = luac ] && continue
    rc_cc "$f" "$out/$u.o" -std=gnu99 -DLUA_COMPAT_5_3 -DLUA_USE_LINUX \
      -I"$SRC/src" -I"$out"
  done
  rc_wait
  rc_link "$CLANG" "$out/lua" "$out"/*.o -- -lm -ldl
}

wl_strings() { "$BIN/lua" "$HERE/lua/strings.lua"; }
wl_tables() { "$BIN/lua" "$HERE/lua/tables.lua"; }
wl_errors() { "$BIN/lua" "$HERE/lua/errors.lua"; }
wl_uncaught() { "$BIN/lua" "$HERE/lua/uncaught.lua"; }

# Command-line options of lua.c: -e chunks, -l a library, script args, stdin.
wl_oneliners() {
  "$BIN/lua" -e 'x = 6' -e 'print(x * 7, arg and #arg)' || return
  "$BIN/lua" -l string -e 'print(string.rep("ab", 3, "|"))' || return
  echo 'print(("stdin"):upper(), ...)' | "$BIN/lua" - a b c || return
  "$BIN/lua" -e 'print(#arg, arg[1], arg[2])' "$HERE/lua/strings.lua" one two >/dev/null
  "$BIN/lua" -v | sed 's/Copyright.*//'
}
