import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/** Runs a mutating action as an audit event: who, what, on which target, and the outcome. */
export async function audited<T>(
  auditor: AuditorService,
  request: Request,
  eventId: string,
  meta: JsonObject,
  run: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request,
    meta,
  });
  try {
    const result = await run();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
