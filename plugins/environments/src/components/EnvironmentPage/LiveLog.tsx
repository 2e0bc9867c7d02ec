import { useEffect, useRef } from 'react';
import { Flex, Text } from '@backstage/ui';
import {
  EnvironmentEvent,
  EnvironmentStatus,
} from '@internal/plugin-environments-common';
import { errorMessage } from '../shared/errors';
import { STATUS_LABEL } from '../shared/presentation';
import { formatWhen } from '../shared/time';
import { LiveEvents, pollDelay } from './useLiveEvents';
import styles from './EnvironmentPage.module.css';

/** The environment's log, following new lines; scrolled to the end unless the reader scrolled up. */
export const LiveLog = ({ live }: { live: LiveEvents }) => {
  const box = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);

  useEffect(() => {
    const el = box.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [live.events.length]);

  return (
    <Flex direction="column" gap="2">
      <Text as="p" variant="body-x-small" color="secondary">
        {following(live.status)}
        {live.error && ` — last update failed: ${errorMessage(live.error)}`}
      </Text>
      {live.loaded && live.events.length === 0 ? (
        <Text as="p" color="secondary">
          No log lines yet.
        </Text>
      ) : (
        <ol
          ref={box}
          className={styles.log}
          role="log"
          aria-label="Live log"
          aria-live="polite"
          onScroll={e => {
            const el = e.currentTarget;
            pinned.current =
              el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
        >
          {live.events.map(event => (
            <li
              key={event.id}
              className={[
                styles.logLine,
                event.kind === 'error' ? styles.logError : '',
                event.kind === 'status' ? styles.logStatus : '',
              ].join(' ')}
            >
              <span className={styles.logTime}>{formatWhen(event.at)}</span>
              {event.resource && (
                <span className={styles.logResource}>[{event.resource}]</span>
              )}
              <span>{lineText(event)}</span>
            </li>
          ))}
        </ol>
      )}
    </Flex>
  );
};

/** Status lines name the status unless their message already starts with it. */
function lineText(event: EnvironmentEvent) {
  if (event.kind !== 'status' || !event.status) return event.message;
  const label = STATUS_LABEL[event.status];
  return event.message.toLocaleLowerCase().startsWith(label.toLocaleLowerCase())
    ? event.message
    : `${label}: ${event.message}`;
}

function following(status?: EnvironmentStatus) {
  if (!status) return 'Loading the log…';
  const delay = pollDelay(status);
  if (delay === undefined)
    return 'The environment has ended; the log is complete.';
  return `Following live: new lines every ${delay / 1000} s.`;
}
