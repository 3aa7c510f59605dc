# soundtouch.sh - recipe for SoundTouch (Debian source package soundtouch),
# a C++ audio library for tempo, pitch and rate changes: a class hierarchy
# with virtual calls (FIFOSamplePipe, TDStretch, RateTransposer, the
# interpolators, FIRFilter) and the standard library (BPMDetect's vectors,
# soundstretch's strings and exceptions). SoundTouch ships no test suite;
# its command-line tool soundstretch is the workload, on WAV files made by
# soundtouch/make_wav.py: tempo, pitch, rate, the quick and no-anti-alias
# algorithms, speech mode, BPM detection, and a bad argument.
RC_PKG=soundtouch
# What an audio thread calls on a configured processor (all overloads),
# parameter changes (automation) included.
RC_ROOTS=soundtouch::SoundTouch::putSamples,soundtouch::SoundTouch::receiveSamples,soundtouch::SoundTouch::flush,soundtouch::SoundTouch::setTempoChange,soundtouch::SoundTouch::setPitchSemiTones,soundtouch::SoundTouch::setRateChange,soundtouch::BPMDetect::inputSamples,soundtouch::BPMDetect::getBpm
RC_PROGRAMS="soundstretch"
RC_WORKLOADS="tempo pitch rate quick speech bpm bad_args"

rc_build() {
  local out=$2 f u
  for f in "$SRC"/source/SoundTouch/*.cpp "$SRC"/source/SoundStretch/*.cpp; do
    u=$(basename "$f" .cpp)
    rc_cxx "$f" "$out/$u.o" -std=c++17 -I"$SRC/include" -msse2
  done
  rc_wait
  rc_link "$CLANGXX" "$out/soundstretch" "$out"/*.o -- -lm
}

# rc_st_wav OUT RATE CHANNELS SECONDS: each signal is made once per run.
rc_st_wav() {
  local cache=$RC_WORK/wav/$2-$3-$4.wav
  if [ ! -f "$cache" ]; then
    mkdir -p "$RC_WORK/wav"
    "$PYTHON" "$HERE/soundtouch/make_wav.py" "$cache.tmp" "$2" "$3" "$4" &&
      mv "$cache.tmp" "$cache" || return
  fi
  cp "$cache" "$1"
}

wl_tempo() {
  rc_st_wav in.wav 44100 2 3 &&
    "$BIN/soundstretch" in.wav out.wav -tempo=+25 &&
    "$BIN/soundstretch" in.wav slow.wav -tempo=-30
}
wl_pitch() {
  rc_st_wav in.wav 44100 2 3 && "$BIN/soundstretch" in.wav out.wav -pitch=-3
}
wl_rate() {
  rc_st_wav in.wav 22050 1 3 && "$BIN/soundstretch" in.wav out.wav -rate=+40
}
wl_quick() {
  rc_st_wav in.wav 44100 2 2 &&
    "$BIN/soundstretch" in.wav out.wav -tempo=+10 -pitch=2 -quick -naa
}
wl_speech() {
  rc_st_wav in.wav 16000 1 3 &&
    "$BIN/soundstretch" in.wav out.wav -tempo=-15 -speech
}
wl_bpm() {
  rc_st_wav in.wav 44100 2 6 && "$BIN/soundstretch" in.wav out.wav -bpm=100
}
# A missing input file: an exception caught in main, exit status 1.
wl_bad_args() { "$BIN/soundstretch" missing.wav out.wav -tempo=5; }
