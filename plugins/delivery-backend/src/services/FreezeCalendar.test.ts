import { FreezeCalendar } from './FreezeCalendar';

const calendar = new FreezeCalendar([
  {
    name: 'friday-afternoon',
    tiers: ['production'],
    timeZone: 'Europe/Berlin',
    days: ['fri'],
    start: '15:00',
    end: '23:59',
  },
  {
    name: 'nightly-maintenance',
    tiers: ['staging'],
    timeZone: 'America/New_York',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '22:00',
    end: '02:00',
  },
  {
    name: 'year-end',
    tiers: ['production', 'staging'],
    timeZone: 'UTC',
    from: '2026-12-23T00:00:00Z',
    until: '2027-01-04T00:00:00Z',
  },
]);

describe('FreezeCalendar', () => {
  it('freezes production on Friday afternoon in Berlin, not before and not in staging', () => {
    // 2026-12-04 is a Friday; 14:30 UTC is 15:30 in Berlin (CET, UTC+1).
    const friday = new Date('2026-12-04T14:30:00Z');
    expect(calendar.activeWindow('production', friday)?.name).toBe(
      'friday-afternoon',
    );
    expect(
      calendar.activeWindow('production', new Date('2026-12-04T13:30:00Z')),
    ).toBeUndefined();
    expect(calendar.activeWindow('staging', friday)).toBeUndefined();
    expect(
      calendar.activeWindow('production', new Date('2026-12-03T14:30:00Z')),
    ).toBeUndefined();
  });

  it('runs a window past midnight into the next day, in its own time zone', () => {
    // Friday 23:00 in New York is Saturday 04:00 UTC; Saturday 01:00 there is 06:00 UTC.
    expect(
      calendar.activeWindow('staging', new Date('2026-12-05T04:00:00Z'))?.name,
    ).toBe('nightly-maintenance');
    expect(
      calendar.activeWindow('staging', new Date('2026-12-05T06:00:00Z'))?.name,
    ).toBe('nightly-maintenance');
    // Sunday 01:00 in New York: Saturday is not a listed day.
    expect(
      calendar.activeWindow('staging', new Date('2026-12-06T06:00:00Z')),
    ).toBeUndefined();
  });

  it('freezes between a one-off from and until', () => {
    expect(
      calendar.activeWindow('production', new Date('2026-12-28T10:00:00Z'))
        ?.name,
    ).toBe('year-end');
    expect(
      calendar.activeWindow('production', new Date('2027-01-04T00:00:00Z')),
    ).toBeUndefined();
  });

  it('refuses a window it cannot read, naming it', () => {
    expect(
      () =>
        new FreezeCalendar([
          {
            name: 'x',
            tiers: ['production'],
            timeZone: 'Mars/Olympus',
            days: ['fri'],
            start: '1:00',
            end: '2:00',
          },
        ]),
    ).toThrow('Invalid delivery.freezeWindows[0] (x): timeZone "Mars/Olympus"');
    expect(
      () =>
        new FreezeCalendar([
          {
            name: 'y',
            tiers: ['production'],
            timeZone: 'UTC',
            days: ['fri'],
            start: '25:00',
            end: '02:00',
          },
        ]),
    ).toThrow('start "25:00" is not HH:MM');
  });
});
