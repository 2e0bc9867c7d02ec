// Measurements shared by the benchmarks.
import fs from 'node:fs';

/** A memory figure of a process from /proc, in MiB: `VmRSS` (now) or `VmHWM` (peak). */
export function memoryMiB(pid, field = 'VmRSS') {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1];
  if (!kb) throw new Error(`process ${pid} is no longer running`);
  return Math.round(Number(kb) / 1024);
}

/** The p-th percentile of ascending-sorted values. */
export function percentile(sorted, p) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/** CPU time (user + system, in seconds) a process has used so far, from /proc. */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The share of one core a process used over the next `ms` milliseconds, in percent. */
export async function cpuPercent(pid, ms = 10_000) {
  const before = cpuSeconds(pid);
  await new Promise(resolve => setTimeout(resolve, ms));
  return Math.round(((cpuSeconds(pid) - before) * 100_000) / ms);
}
