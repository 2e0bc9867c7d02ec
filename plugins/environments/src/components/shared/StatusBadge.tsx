import {
  EnvironmentStatus,
  ResourceStatus,
} from '@internal/plugin-environments-common';
import {
  RESOURCE_STATUS_LABEL,
  STATUS_LABEL,
  STATUS_TONE,
} from './presentation';
import styles from './shared.module.css';

/** An environment's status as a coloured pill; in-progress statuses pulse. */
export const StatusBadge = ({
  status,
  title,
}: {
  status: EnvironmentStatus;
  /** Shown on hover, e.g. the status message. */
  title?: string;
}) => (
  <span
    className={`${styles.badge} ${styles[STATUS_TONE[status]]}`}
    title={title}
  >
    {STATUS_LABEL[status] ?? status}
  </span>
);

export const ResourceStatusBadge = ({ status }: { status: ResourceStatus }) => (
  <span className={`${styles.badge} ${styles[STATUS_TONE[status]]}`}>
    {RESOURCE_STATUS_LABEL[status] ?? status}
  </span>
);
