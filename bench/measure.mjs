// Measurements shared by the benchmarks.
import fs from 'node:fs';

/** A memory figure of a process from /proc, in MiB: `VmRSS` (now) or `VmHWM` (peak). */
export function memoryMiB(pid, field = 'VmRSS') {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)[1]) / 1024,
  );
}

/** The p-th percentile of ascending-sorted values. */
export function percentile(sorted, p) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}
