import {
  EnvironmentEvent,
  EnvironmentStatus,
} from '@internal/plugin-environments-common';
import { lifecycleSteps, StepState } from './lifecycle';

const CREATED = '2026-11-24T10:00:00.000Z';

function statusEvents(...statuses: EnvironmentStatus[]): EnvironmentEvent[] {
  return statuses.map((status, i) => ({
    id: i + 1,
    environmentId: 'e',
    at: `2026-11-24T10:0${i}:00.000Z`,
    kind: 'status',
    status,
    message: status,
  }));
}

function states(
  status: EnvironmentStatus,
  seen: EnvironmentStatus[],
  approvalRequired = false,
): Array<[EnvironmentStatus, StepState]> {
  return lifecycleSteps({
    status,
    createdAt: CREATED,
    events: statusEvents(...seen),
    eventsLoaded: true,
    approvalRequired,
  }).map(s => [s.status, s.state]);
}

describe('lifecycleSteps', () => {
  it('walks requested -> provisioning -> ready -> tearing down -> torn down', () => {
    expect(states('provisioning', ['requested', 'provisioning'])).toEqual([
      ['requested', 'done'],
      ['provisioning', 'current'],
      ['ready', 'upcoming'],
      ['tearing-down', 'upcoming'],
      ['torn-down', 'upcoming'],
    ]);
    expect(
      states('torn-down', [
        'requested',
        'provisioning',
        'ready',
        'tearing-down',
        'torn-down',
      ]).map(([, state]) => state),
    ).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('includes the approval step for classes that need it', () => {
    expect(states('awaiting-approval', ['awaiting-approval'], true)).toEqual([
      ['requested', 'done'],
      ['awaiting-approval', 'current'],
      ['provisioning', 'upcoming'],
      ['ready', 'upcoming'],
      ['tearing-down', 'upcoming'],
      ['torn-down', 'upcoming'],
    ]);
  });

  it('marks the steps a withdrawn request never reached as skipped', () => {
    expect(
      states('torn-down', ['awaiting-approval', 'torn-down'], true),
    ).toEqual([
      ['requested', 'done'],
      ['awaiting-approval', 'done'],
      ['provisioning', 'skipped'],
      ['ready', 'skipped'],
      ['tearing-down', 'skipped'],
      ['torn-down', 'done'],
    ]);
  });

  it('shows a failed provisioning as failed, with its leftovers still to tear down', () => {
    expect(
      states('failed', ['requested', 'provisioning', 'tearing-down', 'failed']),
    ).toEqual([
      ['requested', 'done'],
      ['provisioning', 'done'],
      ['failed', 'failed'],
      ['tearing-down', 'upcoming'],
      ['torn-down', 'upcoming'],
    ]);
  });

  it('ends a rejected request at rejected', () => {
    expect(states('rejected', ['awaiting-approval', 'rejected'])).toEqual([
      ['requested', 'done'],
      ['awaiting-approval', 'done'],
      ['rejected', 'failed'],
    ]);
  });

  it('gives each reached step the time it was reached', () => {
    const [requested, provisioning] = lifecycleSteps({
      status: 'provisioning',
      createdAt: CREATED,
      events: statusEvents('requested', 'provisioning'),
      eventsLoaded: true,
      approvalRequired: false,
    });
    expect(requested.at).toBe('2026-11-24T10:00:00.000Z');
    expect(provisioning.at).toBe('2026-11-24T10:01:00.000Z');
  });
});
