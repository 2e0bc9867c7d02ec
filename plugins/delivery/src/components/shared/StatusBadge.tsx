import { DeploymentStatus } from '@internal/plugin-delivery-common';
import { STATUS_LABEL, STATUS_TONE } from './format';
import styles from './shared.module.css';

/** A deploy's status as a coloured pill; in-progress statuses pulse. */
export const StatusBadge = ({ status }: { status: DeploymentStatus }) => (
  <span className={`${styles.badge} ${styles[STATUS_TONE[status]]}`}>
    {STATUS_LABEL[status] ?? status}
  </span>
);
