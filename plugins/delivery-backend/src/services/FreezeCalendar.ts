import { EnvironmentTier, FreezeWindowSettings } from './settings';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export type ActiveFreeze = { name: string; description: string };

/**
 * Freeze windows per environment tier: recurring (weekdays and a time range in a time zone; an
 * end before the start runs past midnight into the next day) or one-off (from/until).
 */
export class FreezeCalendar {
  constructor(private readonly windows: FreezeWindowSettings[]) {
    windows.forEach((w, i) => {
      const problem = windowProblem(w);
      if (problem)
        throw new Error(
          `Invalid delivery.freezeWindows[${i}] (${w.name}): ${problem}`,
        );
    });
  }

  /** The window that freezes deploys to `tier` at `at`, if any. */
  activeWindow(tier: EnvironmentTier, at: Date): ActiveFreeze | undefined {
    for (const w of this.windows) {
      if (!w.tiers.includes(tier)) continue;
      if (w.from && w.until) {
        if (at >= new Date(w.from) && at < new Date(w.until))
          return {
            name: w.name,
            description: `${w.from} to ${w.until}`,
          };
        continue;
      }
      const { day, minutes } = localTime(at, w.timeZone);
      const start = toMinutes(w.start!);
      const end = toMinutes(w.end!);
      const days = w.days!.map(d => d.toLowerCase().slice(0, 3));
      const previous = DAYS[(DAYS.indexOf(day) + 6) % 7];
      const inside =
        start <= end
          ? days.includes(day) && minutes >= start && minutes <= end
          : (days.includes(day) && minutes >= start) ||
            (days.includes(previous) && minutes <= end);
      if (inside)
        return {
          name: w.name,
          description: `${days.join(',')} ${w.start}-${w.end} ${w.timeZone}`,
        };
    }
    return undefined;
  }
}

function windowProblem(w: FreezeWindowSettings): string | undefined {
  if (!w.tiers.length) return 'tiers must name at least one tier';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: w.timeZone }).format();
  } catch {
    return `timeZone "${w.timeZone}" is not an IANA time zone`;
  }
  if (w.from || w.until) {
    if (!w.from || !w.until)
      return 'a one-off window needs both from and until';
    if (Number.isNaN(Date.parse(w.from)) || Number.isNaN(Date.parse(w.until)))
      return 'from and until must be ISO 8601 timestamps';
    return undefined;
  }
  if (!w.days?.length || !w.start || !w.end)
    return 'a recurring window needs days, start and end';
  const bad = w.days.find(d => !DAYS.includes(d.toLowerCase().slice(0, 3)));
  if (bad) return `days: "${bad}" is not a weekday (mon..sun)`;
  if (!TIME.test(w.start)) return `start "${w.start}" is not HH:MM`;
  if (!TIME.test(w.end)) return `end "${w.end}" is not HH:MM`;
  return undefined;
}

function toMinutes(hhmm: string): number {
  const [, h, m] = TIME.exec(hhmm)!;
  return Number(h) * 60 + Number(m);
}

function localTime(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find(p => p.type === type)!.value;
  return {
    day: get('weekday').toLowerCase().slice(0, 3),
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}
