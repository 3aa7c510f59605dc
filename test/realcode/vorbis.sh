# vorbis.sh - recipe for the Ogg Vorbis audio codec (Debian source packages
# libvorbis and libogg), sourced by lib.sh. Vorbis reaches its allocations
# through tables of function pointers: each floor, residue and mapping type
# is a struct of functions (_floor_P[], _residue_P[], _mapping_P[]) whose
# unpack, look and inverse members calloc their state or take memory from
# the block's arena (_vorbis_block_alloc, which mallocs when the arena is
# full): what a decoder's audio thread calls per packet. Workloads:
# libvorbis's own test (encode and decode sines, 1 to 8 channels, every
# quality and rate) and its examples: encode a WAV, decode the stream with
# the low-level API and with vorbisfile, seek through it, read its chain.
RC_PKG=libvorbis
# The calls a real-time audio thread makes per packet or page (decoding,
# encoding, seeking, the Ogg framing under them).
RC_ROOTS='vorbis_synthesis*,vorbis_analysis*,vorbis_bitrate_*,vorbis_block_init,ov_read*,ov_*seek*,ogg_stream_packet*,ogg_stream_page*,ogg_stream_flush*,ogg_sync_*'
RC_VORBIS_UNITS="mdct smallft block envelope window lsp lpc analysis synthesis psy info floor1 floor0 res0 mapping0 registry codebook sharedbook lookup bitrate vorbisfile vorbisenc"
RC_VORBIS_EXAMPLES="encoder_example decoder_example vorbisfile_example seeking_example chaining_example"
RC_PROGRAMS="vorbis_test $RC_VORBIS_EXAMPLES"
RC_WORKLOADS="selftest examples"

rc_build() {
  local out=$2 u vorbis=$SRC
  rc_fetch libogg
  local ogg=$SRC
  SRC=$vorbis
  # What libogg's configure writes on Linux.
  mkdir -p "$out/ogg"
  sed -e 's/@INCLUDE_INTTYPES_H@/1/' -e 's/@INCLUDE_STDINT_H@/1/' \
      -e 's/@INCLUDE_SYS_TYPES_H@/1/' -e 's/@SIZE16@/int16_t/' \
      -e 's/@USIZE16@/uint16_t/' -e 's/@SIZE32@/int32_t/' \
      -e 's/@USIZE32@/uint32_t/' -e 's/@SIZE64@/int64_t/' \
      -e 's/@USIZE64@/uint64_t/' \
      "$ogg/include/ogg/config_types.h.in" >"$out/ogg/config_types.h"
  local inc=(-I"$out" -I"$ogg/include" -I"$vorbis/include" -I"$vorbis/lib")
  for u in bitwise framing; do
    rc_cc "$ogg/src/$u.c" "$out/ogg_$u.o" "${inc[@]}"
  done
  for u in $RC_VORBIS_UNITS; do
    rc_cc "$vorbis/lib/$u.c" "$out/$u.o" "${inc[@]}"
  done
  for u in test util write_read; do
    rc_cc "$vorbis/test/$u.c" "$out/test_$u.o" "${inc[@]}"
  done
  for u in $RC_VORBIS_EXAMPLES; do
    rc_cc "$vorbis/examples/$u.c" "$out/$u.o" "${inc[@]}"
  done
  rc_wait
  local objs=("$out/ogg_bitwise.o" "$out/ogg_framing.o")
  for u in $RC_VORBIS_UNITS; do objs+=("$out/$u.o"); done
  rc_link "$CLANG" "$out/vorbis_test" "$out"/test_*.o "${objs[@]}" -- -lm
  for u in $RC_VORBIS_EXAMPLES; do
    rc_link "$CLANG" "$out/$u" "$out/$u.o" "${objs[@]}" -- -lm
  done
}

# libvorbis's test: it writes and reads back one file per case and says
# which failed.
wl_selftest() {
  "$BIN/vorbis_test"
}

# A 16-bit stereo 44.1 kHz WAV of 6 seconds: two sines and a little
# deterministic noise, as encoder_example wants on standard input.
rc_vorbis_wav() {
  "$PYTHON" - <<'EOP'
import math, struct
rate, frames, seed = 44100, 44100 * 6, 1
data = bytearray()
for i in range(frames):
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    noise = (seed >> 16) / 32768.0 - 0.5
    l = 0.5 * math.sin(2 * math.pi * 440 * i / rate) + 0.05 * noise
    r = 0.4 * math.sin(2 * math.pi * 660 * i / rate + 1) - 0.05 * noise
    data += struct.pack("<hh", int(l * 32000), int(r * 32000))
head = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " + \
    struct.pack("<IHHIIHH", 16, 1, 2, rate, rate * 4, 4, 16) + \
    b"data" + struct.pack("<I", len(data))
open("in.wav", "wb").write(head + data)
EOP
}

# encoder_example numbers its stream from rand() seeded with the time, so
# the stream itself differs from run to run: it is left out of the
# comparison, and so is its serial number; what it decodes to is compared.
wl_examples() {
  rc_vorbis_wav || return
  "$BIN/encoder_example" <in.wav >out.ogg || return
  "$BIN/decoder_example" <out.ogg >decoded.raw || return
  "$BIN/vorbisfile_example" <out.ogg >vorbisfile.raw || return
  cmp decoded.raw vorbisfile.raw || echo "the two decoders differ"
  "$BIN/seeking_example" <out.ogg || return
  local s=0
  "$BIN/chaining_example" <out.ogg >chain.txt || s=$?
  sed 's/serial number=[0-9]*/serial number=N/' chain.txt
  rm -f out.ogg chain.txt
  return $s
}
