# expat.sh - recipe for Expat (Debian source package expat), sourced by
# lib.sh. An XML parser in C whose every allocation goes through a memory
# handling suite: function pointers in the parser (parser->m_mem.malloc_fcn,
# malloc by default, the caller's own with XML_ParserCreate_MM) and in the
# DTD's pools and hash tables (a const pointer to the suite). Workloads:
# Expat's own API test suite (tests/runtests.c: 365 checks, with its
# tracking and failing allocators) and xmlwf, its command-line checker, on
# test/realcode/expat/ and Expat's 2.8 MB nes96.xml: canonical, meta and
# copy output, namespaces, external DTDs and entities, encodings, and
# malformed documents (status 2).
RC_PKG=expat
# What a real-time thread would call on a parser: creation (every
# variant), parsing, resets and the calls that copy a string into it.
RC_ROOTS=XML_ParserCreate,XML_ParserCreateNS,XML_ParserCreate_MM,XML_ExternalEntityParserCreate,XML_ParserReset,XML_ParserFree,XML_Parse,XML_ParseBuffer,XML_GetBuffer,XML_ResumeParser,XML_SetEncoding,XML_SetBase
RC_PROGRAMS="runtests xmlwf"
RC_WORKLOADS="runtests canonical meta dtd encodings malformed large"

rc_build() {
  local out=$2 f u
  # What Expat's configure finds on Linux (expat_config.h.cmake's names).
  cat >"$out/expat_config.h" <<'EOC'
#define BYTEORDER 1234
#define HAVE_GETRANDOM 1
#define HAVE_SYSCALL_GETRANDOM 1
#define HAVE_FCNTL_H 1
#define HAVE_GETPAGESIZE 1
#define HAVE_MMAP 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_STAT_H 1
#define PACKAGE "expat"
#define PACKAGE_NAME "expat"
#define PACKAGE_VERSION "2.5.0"
#define STDC_HEADERS 1
#define XML_CONTEXT_BYTES 1024
#define XML_DEV_URANDOM 1
#define XML_DTD 1
#define XML_NS 1
EOC
  local e=$SRC/expat
  for f in "$e"/lib/xmlparse.c "$e"/lib/xmlrole.c "$e"/lib/xmltok.c \
           "$e"/tests/runtests.c "$e"/tests/chardata.c "$e"/tests/structdata.c \
           "$e"/tests/memcheck.c "$e"/tests/minicheck.c \
           "$e"/xmlwf/xmlwf.c "$e"/xmlwf/xmlfile.c "$e"/xmlwf/codepage.c \
           "$e"/xmlwf/unixfilemap.c; do
    u=$(basename "$f" .c)
    rc_cc "$f" "$out/$u.o" -DHAVE_EXPAT_CONFIG_H -I"$out" -I"$e/lib"
  done
  rc_wait
  local lib=("$out/xmlparse.o" "$out/xmlrole.o" "$out/xmltok.o")
  rc_link "$CLANG" "$out/runtests" "$out"/runtests.o "$out"/chardata.o \
    "$out"/structdata.o "$out"/memcheck.o "$out"/minicheck.o "${lib[@]}" -- -lm
  rc_link "$CLANG" "$out/xmlwf" "$out"/xmlwf.o "$out"/xmlfile.o \
    "$out"/codepage.o "$out"/unixfilemap.o "${lib[@]}"
}

wl_runtests() { "$BIN/runtests"; }

# Canonical XML of each document into out/ (by mmap, then by read()), and
# the same documents from standard input.
wl_canonical() {
  mkdir out rd
  "$BIN/xmlwf" -d out "$HERE"/expat/doc.xml "$HERE"/expat/ns.xml || return
  "$BIN/xmlwf" -r -d rd "$HERE"/expat/doc.xml "$HERE"/expat/ns.xml || return
  "$BIN/xmlwf" <"$HERE"/expat/doc.xml
}

# Meta XML (every event, with positions) with namespaces; a copy of the
# input; doctype and notation declarations.
wl_meta() {
  "$BIN/xmlwf" -n -m -d . "$HERE"/expat/ns.xml || return
  mkdir copy && "$BIN/xmlwf" -c -d copy "$HERE"/expat/doc.xml || return
  "$BIN/xmlwf" -N -d . "$HERE"/expat/dtd.xml
}

# An external DTD and external parsed entities (-p, -x), standalone check.
wl_dtd() {
  cp "$HERE"/expat/dtd.xml "$HERE"/expat/ext.dtd "$HERE"/expat/chapter.ent . &&
    "$BIN/xmlwf" -p -x -d . dtd.xml || return
  "$BIN/xmlwf" -s dtd.xml
  echo "standalone check: $?"
}

# Latin-1 and UTF-16 inputs; an encoding forced on the command line.
wl_encodings() {
  "$BIN/xmlwf" -d . "$HERE"/expat/latin1.xml || return
  "$PYTHON" -c 'import sys; sys.stdout.buffer.write(open(sys.argv[1], encoding="latin-1").read().replace("ISO-8859-1", "UTF-16").encode("utf-16"))' \
    "$HERE"/expat/latin1.xml >utf16.xml &&
    mkdir u16 && "$BIN/xmlwf" -d u16 utf16.xml || return
  "$BIN/xmlwf" -e ISO-8859-1 <"$HERE"/expat/doc.xml
}

# Malformed documents: errors reported with their position, status 2; -k
# goes on with the next file.
wl_malformed() {
  "$BIN/xmlwf" -k "$HERE"/expat/bad.xml "$HERE"/expat/doc.xml
  echo "status $?"
  printf '<a><b></a>' | "$BIN/xmlwf"
  echo "status $?"
  printf '<!DOCTYPE d [<!ENTITY e "&e;">]><d>&e;</d>' | "$BIN/xmlwf"
}

# Expat's own 2.8 MB benchmark document (mixed content), canonical output;
# the reparse-deferral test files (long tokens).
wl_large() {
  mkdir big && "$BIN/xmlwf" -d big "$SRC"/testdata/largefiles/nes96.xml || return
  "$BIN/xmlwf" -t "$SRC"/testdata/largefiles/aaaaaa_*.xml
}
