"""Summarizes the execution samples of a JFR recording: the share of samples whose top frame is
each method (self) and the share that pass through each Descent method (inclusive), counting
only samples taken after the warm-up.

  jfr print --events jdk.ExecutionSample rec.jfr | python3 bench/jfr_top.py WARMUP_SECONDS [ROWS]

JFR cannot walk some stacks inside vectorized compiled code and drops those samples, so the
number kept is printed next to the number a 10 ms sampler would take: shares of the GEMM
kernels are lower bounds.
"""
import re
import sys
from collections import Counter
from datetime import datetime


def samples(text):
    for event in text.split("jdk.ExecutionSample")[1:]:
        time = re.search(r"startTime = (\d+:\d+:\d+\.\d+)", event)
        stack = event.split("stackTrace = [", 1)
        if not time or len(stack) < 2:
            continue
        frames = [re.sub(r"\(.*", "", line.strip()) for line in stack[1].split("\n")[1:] if "line:" in line]
        if frames:
            yield datetime.strptime(time.group(1), "%H:%M:%S.%f"), frames


def main(warmup, rows):
    events = list(samples(sys.stdin.read()))
    if not events:
        sys.exit("no execution samples in the input")
    start = min(t for t, _ in events)
    end = max(t for t, _ in events)
    kept = [(t, f) for t, f in events if (t - start).total_seconds() >= warmup]
    own, through = Counter(), Counter()
    for _, frames in kept:
        own[frames[0]] += 1
        for frame in set(frames):
            if frame.startswith("org.descent"):
                through[frame] += 1
    seconds = (end - start).total_seconds() - warmup
    print(f"{len(kept)} samples after {warmup:g} s of warm-up ({seconds:.1f} s; a 10 ms sampler on one busy thread takes {seconds * 100:.0f})")
    print("self:")
    for frame, n in own.most_common(rows):
        print(f"  {100 * n / len(kept):5.1f} %  {frame}")
    print("inclusive (Descent frames):")
    for frame, n in through.most_common(rows):
        print(f"  {100 * n / len(kept):5.1f} %  {frame}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 0.0, int(sys.argv[2]) if len(sys.argv) > 2 else 15)
