import { Dialog, DialogBody, DialogHeader, Flex, Text } from '@backstage/ui';
import { AuditEvent } from '@internal/plugin-audit-common';
import styles from './AuditPage.module.css';
import { StatusBadge } from './EventsTable';
import { formatWhen } from './presentation';

/** Everything recorded about one action, with the plugin's meta as JSON. */
export const EventDetailDialog = ({
  event,
  onClose,
}: {
  event?: AuditEvent;
  onClose: () => void;
}) => {
  const facts: Array<[string, string | undefined]> = event
    ? [
        ['Started', formatWhen(event.createdAt)],
        ['Ended', event.completedAt && formatWhen(event.completedAt)],
        ['Severity', event.severityLevel],
        ['Actor', event.actor.actorId],
        ['IP address', event.actor.ip],
        ['Host', event.actor.hostname],
        ['User agent', event.actor.userAgent],
        [
          'Request',
          event.request && `${event.request.method} ${event.request.url}`,
        ],
        ['Error', event.error],
        ['Id', event.id],
      ]
    : [];
  return (
    <Dialog
      isOpen={Boolean(event)}
      onOpenChange={open => !open && onClose()}
      width={720}
    >
      {event && (
        <>
          <DialogHeader>
            {event.plugin} · {event.eventId}
          </DialogHeader>
          <DialogBody>
            <Flex direction="column" gap="3">
              <div>
                <StatusBadge status={event.status} />
              </div>
              <dl className={styles.facts}>
                {facts
                  .filter(([, value]) => value)
                  .map(([label, value]) => (
                    <div key={label} style={{ display: 'contents' }}>
                      <dt>{label}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
              </dl>
              <Text as="h3" variant="title-x-small">
                Meta
              </Text>
              <pre className={styles.json} aria-label="Meta JSON">
                {event.meta ? JSON.stringify(event.meta, null, 2) : 'None'}
              </pre>
            </Flex>
          </DialogBody>
        </>
      )}
    </Dialog>
  );
};
