#!/usr/bin/env python3
"""make_wav.py OUT.wav RATE CHANNELS SECONDS: a deterministic test signal
for soundstretch (16-bit PCM): two sines, a slow sweep and a click every
half second (120 BPM, so BPM detection has a beat to find)."""
import math
import struct
import sys
import wave

out, rate, channels, seconds = sys.argv[1], int(sys.argv[2]), \
    int(sys.argv[3]), float(sys.argv[4])
n = int(rate * seconds)
frames = bytearray()
for i in range(n):
    t = i / rate
    s = 0.30 * math.sin(2 * math.pi * 220.0 * t) \
        + 0.20 * math.sin(2 * math.pi * 331.0 * t) \
        + 0.10 * math.sin(2 * math.pi * (100.0 + 400.0 * t / seconds) * t)
    beat = t % 0.5
    if beat < 0.02:
        s += 0.35 * math.exp(-beat * 200.0) * math.sin(2 * math.pi * 1000.0 * t)
    for c in range(channels):
        v = s if c == 0 else 0.8 * s
        frames += struct.pack('<h', int(max(-1.0, min(1.0, v)) * 32000))
with wave.open(out, 'wb') as w:
    w.setnchannels(channels)
    w.setsampwidth(2)
    w.setframerate(rate)
    w.writeframes(bytes(frames))
