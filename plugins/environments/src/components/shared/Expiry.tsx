import { EnvironmentStatus } from '@internal/plugin-environments-common';
import { isEnded } from './presentation';
import { DAY_MS, formatDateTime, formatDuration } from './time';
import styles from './shared.module.css';

/**
 * Time left before the reaper tears the environment down, warning in its last day. Ended
 * environments have no expiry any more.
 */
export const Expiry = ({
  expiresAt,
  status,
  now,
}: {
  expiresAt: string;
  status: EnvironmentStatus;
  now: number;
}) => {
  if (isEnded(status)) {
    return <span className={styles.expiry}>—</span>;
  }
  const left = new Date(expiresAt).getTime() - now;
  if (left <= 0) {
    return (
      <span
        className={`${styles.expiry} ${styles.expired}`}
        title={`Expired ${formatDateTime(expiresAt)}`}
      >
        Expired {formatDuration(left)} ago
      </span>
    );
  }
  return (
    <span
      className={`${styles.expiry} ${left < DAY_MS ? styles.expirySoon : ''}`}
      title={`Expires ${formatDateTime(expiresAt)}`}
    >
      in {formatDuration(left)}
    </span>
  );
};
