# jsoncpp.sh - recipe for JsonCpp (Debian source package libjsoncpp), a C++
# JSON library, sourced by lib.sh. Readers and writers are made by
# factories and used through their interfaces (CharReader::parse and
# StreamWriter::write are virtual; the objects behind them are classes of
# json_reader.cpp and json_writer.cpp), and values hold std::string,
# std::map and std::vector storage. Workloads: its unit tests
# (test_lib_json, its own framework, about 300 checks) and jsontestrunner
# on every file of its test/data suite with each of its three writers,
# writing the .actual and .rewrite files its Python runner compares.
RC_PKG=libjsoncpp
# Parsing, building, editing and writing values.
RC_ROOTS='Json::Reader::parse*,Json::parseFromStream*,Json::writeString*,Json::CharReaderBuilder::newCharReader*,Json::StreamWriterBuilder::newStreamWriter*,Json::Value::append*,Json::Value::operator=*,Json::Value::operator[]*,Json::Value::removeMember*,Json::Value::removeIndex*,Json::Value::resize*,Json::Value::toStyledString*,Json::Value::copy*,Json::StyledWriter::write*,Json::FastWriter::write*,Json::StyledStreamWriter::write*'
RC_JSONCPP_UNITS="json_reader json_value json_writer"
RC_PROGRAMS="test_lib_json jsontestrunner"
RC_WORKLOADS="unit data"

rc_build() {
  local out=$2 u
  local inc=(-I"$SRC/include" -I"$SRC/src/lib_json")
  for u in $RC_JSONCPP_UNITS; do
    rc_cxx "$SRC/src/lib_json/$u.cpp" "$out/$u.o" "${inc[@]}"
  done
  rc_cxx "$SRC/src/test_lib_json/jsontest.cpp" "$out/jsontest.o" "${inc[@]}"
  rc_cxx "$SRC/src/test_lib_json/main.cpp" "$out/test_main.o" "${inc[@]}"
  # The fuzzer's entry, which one unit test calls on a fixed input.
  rc_cxx "$SRC/src/test_lib_json/fuzz.cpp" "$out/fuzz.o" "${inc[@]}"
  rc_cxx "$SRC/src/jsontestrunner/main.cpp" "$out/runner_main.o" "${inc[@]}"
  rc_wait
  local objs=()
  for u in $RC_JSONCPP_UNITS; do objs+=("$out/$u.o"); done
  rc_link "$CLANGXX" "$out/test_lib_json" "$out/jsontest.o" "$out/test_main.o" \
    "$out/fuzz.o" "${objs[@]}"
  rc_link "$CLANGXX" "$out/jsontestrunner" "$out/runner_main.o" "${objs[@]}"
}

# The unit tests print a line per failure and a count; status 1 on one.
wl_unit() {
  "$BIN/test_lib_json"
}

# Each data file through the runner with each writer, in a copy of the
# suite (the runner writes its outputs beside its input).
wl_data() {
  cp -r "$SRC/test/data" . || return
  local f w s
  for w in StyledWriter StyledStreamWriter BuiltStyledStreamWriter; do
    for f in data/*.json; do
      s=0
      "$BIN/jsontestrunner" --json-writer "$w" "$f" >/dev/null 2>&1 || s=$?
      echo "$w $f: $s"
    done
  done
}
