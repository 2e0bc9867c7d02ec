import {
  EnvironmentEvent,
  EnvironmentStatus,
} from '@internal/plugin-environments-common';
import { STATUS_LABEL } from '../shared/presentation';

export type StepState = 'done' | 'current' | 'failed' | 'upcoming' | 'skipped';

export type LifecycleStep = {
  status: EnvironmentStatus;
  label: string;
  state: StepState;
  /** When the environment reached the step. */
  at?: string;
};

/**
 * The lifecycle as a step list: requested -> awaiting approval (classes that need it) ->
 * provisioning -> ready and/or failed -> tearing down -> torn down, or requested -> awaiting
 * approval -> rejected. Steps the environment went past without reaching (a request withdrawn
 * before approval) are `skipped`.
 */
export function lifecycleSteps(input: {
  status: EnvironmentStatus;
  createdAt: string;
  /** Status events seen so far (the live log). */
  events: EnvironmentEvent[];
  eventsLoaded: boolean;
  approvalRequired: boolean;
}): LifecycleStep[] {
  const { status, events, eventsLoaded } = input;
  const reached = new Map<EnvironmentStatus, string>();
  for (const event of events) {
    if (event.kind === 'status' && event.status) {
      reached.set(event.status, event.at);
    }
  }
  if (!reached.has('requested')) reached.set('requested', input.createdAt);

  const approval =
    input.approvalRequired ||
    reached.has('awaiting-approval') ||
    status === 'awaiting-approval' ||
    status === 'rejected';
  const failed = status === 'failed' || reached.has('failed');
  const path: EnvironmentStatus[] =
    status === 'rejected'
      ? ['requested', 'awaiting-approval', 'rejected']
      : [
          'requested',
          ...(approval ? ['awaiting-approval' as const] : []),
          'provisioning',
          ...(!failed || reached.has('ready') || status === 'ready'
            ? ['ready' as const]
            : []),
          ...(failed ? ['failed' as const] : []),
          'tearing-down',
          'torn-down',
        ];
  const current = path.indexOf(status);

  return path.map((step, index) => {
    let state: StepState;
    if (index > current) {
      state = 'upcoming';
    } else if (step === 'failed' || step === 'rejected') {
      state = 'failed';
    } else if (index === current) {
      state = step === 'torn-down' ? 'done' : 'current';
    } else {
      state = eventsLoaded && !reached.has(step) ? 'skipped' : 'done';
    }
    return {
      status: step,
      label: STATUS_LABEL[step],
      state,
      ...(state !== 'upcoming' &&
        state !== 'skipped' &&
        reached.has(step) && { at: reached.get(step) }),
    };
  });
}
