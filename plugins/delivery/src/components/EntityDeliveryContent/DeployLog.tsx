import { useEffect, useRef } from 'react';
import { Flex, Text } from '@backstage/ui';
import { Deployment } from '@internal/plugin-delivery-common';
import { errorMessage } from '../shared/errors';
import { formatWhen, isActive, STATUS_LABEL } from '../shared/format';
import { StatusBadge } from '../shared/StatusBadge';
import { useDeployLog } from './useDeployLog';
import styles from './EntityDeliveryContent.module.css';

/** A deploy's live log, following new lines while it runs. */
export const DeployLog = ({ deployment }: { deployment: Deployment }) => {
  const { events, error } = useDeployLog(deployment.id, deployment.status);
  const box = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [events.length]);
  return (
    <Flex direction="column" gap="2">
      <Flex gap="2" align="center">
        <Text as="h4" variant="body-medium" weight="bold">
          {deployment.version} to {deployment.environment}
        </Text>
        <StatusBadge status={deployment.status} />
      </Flex>
      <Text as="p" variant="body-x-small" color="secondary">
        {isActive(deployment.status)
          ? 'Following live: new lines every 1.5 s.'
          : 'The deploy has ended; the log is complete.'}
        {error && ` Last update failed: ${errorMessage(error)}`}
      </Text>
      <ol
        ref={box}
        className={styles.log}
        role="log"
        aria-label="Deploy log"
        aria-live="polite"
      >
        {events.map(e => (
          <li key={e.id} className={styles.logLine}>
            <span className={styles.logTime}>{formatWhen(e.at)}</span>
            <span>
              {e.status &&
              !e.message
                .toLowerCase()
                .startsWith(STATUS_LABEL[e.status].toLowerCase())
                ? `${STATUS_LABEL[e.status]}: ${e.message}`
                : e.message}
            </span>
          </li>
        ))}
      </ol>
    </Flex>
  );
};
