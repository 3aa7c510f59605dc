#!/usr/bin/env python3
"""make_pcm.py OUT RATE CHANNELS SECONDS - raw 16-bit little-endian PCM for
opus_demo: a chord with vibrato, a tone burst every half second, a pause,
then a noise-like chirp (a fixed linear congruential sequence), so the
encoder switches between its speech, music and silence paths. The same
bytes every run."""
import math
import struct
import sys


def main():
    out, rate, channels, seconds = sys.argv[1], int(sys.argv[2]), \
        int(sys.argv[3]), float(sys.argv[4])
    n = int(rate * seconds)
    seed = 12345
    frames = bytearray()
    for i in range(n):
        t = i / rate
        if t % 1.0 < 0.6:
            v = sum(0.2 * math.sin(2 * math.pi * f * t *
                                   (1 + 0.003 * math.sin(2 * math.pi * 5 * t)))
                    for f in (220.0, 277.2, 329.6))
            if t % 0.5 < 0.05:
                v += 0.3 * math.sin(2 * math.pi * 1000 * t)
        elif t % 1.0 < 0.75:
            v = 0.0
        else:
            seed = (seed * 1103515245 + 12345) & 0x7fffffff
            v = 0.2 * math.sin(2 * math.pi * (300 + 4000 * (t % 1.0)) * t) + \
                0.1 * (seed / 0x7fffffff - 0.5)
        for c in range(channels):
            s = int(max(-1.0, min(1.0, v * (1 - 0.3 * c))) * 32000)
            frames += struct.pack('<h', s)
    with open(out, 'wb') as f:
        f.write(frames)


if __name__ == '__main__':
    main()
