const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as people say it: `2 d 4 h`, `3 h 20 min`, `12 min`, `less than a minute`. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return 'less than a minute';
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0)
    return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** `in 2 d 4 h` or `3 h ago`. */
export function formatRelative(iso: string, now: number): string {
  const delta = new Date(iso).getTime() - now;
  return delta >= 0
    ? `in ${formatDuration(delta)}`
    : `${formatDuration(delta)} ago`;
}

/** A date and time in the reader's locale and time zone, without seconds. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** The time of a log line, with seconds. */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour12: false });
}

export const HOUR_MS = HOUR;
export const DAY_MS = DAY;

/** Today's times as times, other days' with their date. */
export function formatWhen(iso: string, now = Date.now()): string {
  const at = new Date(iso);
  return at.toDateString() === new Date(now).toDateString()
    ? formatTime(iso)
    : formatDateTime(iso);
}
