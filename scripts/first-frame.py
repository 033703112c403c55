#!/usr/bin/env python3
"""First frame and peak memory of the real binary in a pseudo-terminal.

    python3 scripts/first-frame.py FILE [--bin target/release/fachmk] [--runs 7]

Starts `fachmk --file COPY` in a 120x40 pseudo-terminal (a private copy of
FILE in a temporary directory, so nothing of FILE changes), reads its output
until the header of the first frame is on the screen, and takes the time from
spawn to then and the process's peak resident memory (VmHWM) at that moment.
A large file's concerns are read on a second thread while the first frame is
drawn ("werden geladen" in their pane); the frame after it has them, and its
time is printed too ("with concerns"). Prints each run, the medians, and
`jq empty` on the same file in the same run.
With `--search`, it then types `/` at once (or `--after MS` later: the search
index may still be being built on its thread) and `r`, and takes the time from
each key to the end of the frame drawn after it (how long the first `/` and the
first search keystroke wait), and from `/` to the frame with the hits of `r`.
Wall times are only worth comparing on a quiet machine; the CPU time of the
main thread until the first frame (from /proc/PID/task/PID/schedstat, in
nanoseconds; user + system) shows the work done even when it is not.
"""
import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import tempfile
import termios
import time

MARKER = b"Sitzung"  # in the header of every first frame (German, the default)
# In the concerns pane of a first frame drawn while a large file's concerns are
# still being read on a second thread; the next frame has them.
LOADING = b"werden geladen"
# In the title of a search opened before its index is built.
BUILDING = "Suchindex wird aufgebaut".encode()


# The end of a synchronized update: every frame ends with it.
FRAME_END = b"\x1b[?2026l"


def read_until(fd, needle, deadline, seen_out=None):
    """Reads from `fd` until `needle` has been read; the time it took (and
    what was read appended to `seen_out`)."""
    start = time.perf_counter()
    seen = b""
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        seen += chunk
        if needle in seen:
            if seen_out is not None:
                seen_out.extend(seen)
            return (time.perf_counter() - start) * 1000
    return None


def one_run(binary, path, home, search=False, after_ms=0):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, HOME=home, XDG_STATE_HOME=home + "/state",
                   XDG_DATA_HOME=home + "/data", XDG_CONFIG_HOME=home + "/config",
                   TERM="xterm-256color", LANG="de_DE.UTF-8")
        os.execve(binary, [binary, "--file", path, "--lang", "de"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    seen = b""
    elapsed = None
    complete = None
    peak_kib = None
    cpu_ms = None
    deadline = start + 30
    while time.perf_counter() < deadline and complete is None:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        # Answer a cursor-position query, as a terminal would.
        if b"\x1b[6n" in chunk:
            os.write(fd, b"\x1b[1;1R")
        if elapsed is None and MARKER in seen:
            elapsed = time.perf_counter() - start
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak_kib = int(line.split()[1])
            # The main thread's time on a CPU, in nanoseconds: it draws the
            # first frame and then waits for keys, while a second thread
            # (the search index) may already be at work.
            with open(f"/proc/{pid}/task/{pid}/schedstat") as stat:
                cpu_ms = int(stat.read().split()[0]) / 1e6
        if elapsed is not None:
            first_end = seen.find(FRAME_END)
            if first_end < 0:
                continue
            if LOADING not in seen[:first_end]:
                complete = elapsed
            elif seen.find(FRAME_END, first_end + 1) >= 0:
                # The frame with the concerns, read on a second thread.
                complete = time.perf_counter() - start
    if complete is None:
        elapsed = None
    keys = None
    if search and elapsed is not None:
        time.sleep(after_ms / 1000)
        os.write(fd, b"/")
        pressed = time.perf_counter()
        deadline = pressed + 10
        drawn = bytearray()
        slash = read_until(fd, FRAME_END, deadline, drawn)
        os.write(fd, b"r")
        first_key = read_until(fd, FRAME_END, deadline, drawn)
        # A search opened before the index is there says so; its hits come
        # with the next frame.
        if BUILDING in drawn:
            read_until(fd, FRAME_END, deadline)
        hits = (time.perf_counter() - pressed) * 1000
        keys = (slash, first_key, hits)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed, complete, peak_kib, cpu_ms, keys


def jq_empty(path):
    """Wall time and CPU time (user + system) of `jq empty PATH`."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(["jq", "empty", path], check=True)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user
           + after.children_system - before.children_system)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--bin", default="target/release/fachmk")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--search", action="store_true",
                        help="then type / and r at once and time each")
    parser.add_argument("--after", type=int, default=0, metavar="MS",
                        help="with --search: wait MS after the first frame (a reader's pause)")
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    with tempfile.TemporaryDirectory() as home:
        copy = os.path.join(home, "archive.json")
        shutil.copyfile(args.file, copy)
        size = os.path.getsize(copy) / 1e6
        frames, completes, peaks, cpus = [], [], [], []
        jqs, jq_cpus, slashes, first_keys, hits = [], [], [], [], []
        for run in range(args.runs):
            for name in ("state", "data", "config"):
                shutil.rmtree(os.path.join(home, name), ignore_errors=True)
            elapsed, complete, peak, cpu, keys = one_run(
                binary, copy, home, args.search, args.after)
            if elapsed is None:
                raise SystemExit(f"run {run}: no first frame within 30 s")
            frames.append(elapsed * 1000)
            completes.append(complete * 1000)
            peaks.append(peak / 1024)
            cpus.append(cpu)
            if shutil.which("jq"):
                wall, jq_cpu = jq_empty(copy)
                jqs.append(wall * 1000)
                jq_cpus.append(jq_cpu * 1000)
            searched = ""
            if keys is not None and None not in keys:
                slashes.append(keys[0])
                first_keys.append(keys[1])
                hits.append(keys[2])
                searched = (f", / {keys[0]:.1f} ms, first key {keys[1]:.1f} ms, "
                            f"its hits {keys[2]:.1f} ms after /")
            print(f"run {run}: first frame {frames[-1]:.1f} ms (CPU {cpu:.1f} ms), "
                  f"concerns in {completes[-1]:.1f} ms, "
                  f"peak {peaks[-1]:.1f} MiB{searched}")
        print(f"file: {size:.1f} MB, runs: {args.runs}")
        print(f"first frame   median {statistics.median(frames):.1f} ms "
              f"(min {min(frames):.1f}, max {max(frames):.1f})")
        print(f"with concerns median {statistics.median(completes):.1f} ms "
              f"(min {min(completes):.1f}, max {max(completes):.1f}): "
              f"the frame that has them (the first, for a small file)")
        print(f"CPU time      median {statistics.median(cpus):.1f} ms "
              f"(min {min(cpus):.1f}; main thread until the first frame)")
        print(f"peak memory   median {statistics.median(peaks):.1f} MiB")
        if slashes:
            print(f"/             median {statistics.median(slashes):.1f} ms "
                  f"(max {max(slashes):.1f}): from the key to the search drawn")
            print(f"first key     median {statistics.median(first_keys):.1f} ms "
                  f"(max {max(first_keys):.1f}): 'r' typed into the search")
            print(f"its hits      median {statistics.median(hits):.1f} ms "
                  f"(max {max(hits):.1f}) after /: later than the key's frame "
                  f"when the index was still being built")
        if jqs:
            jq = statistics.median(jqs)
            print(f"jq empty      median {jq:.1f} ms (CPU {statistics.median(jq_cpus):.0f} ms); "
                  f"first frame / jq = {statistics.median(frames) / jq:.2f}")


if __name__ == "__main__":
    main()
