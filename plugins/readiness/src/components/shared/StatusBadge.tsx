import { CheckStatus } from '@internal/plugin-readiness-common';
import { STATUS_COLOR, STATUS_LABEL } from './presentation';

/** A check status as a small outlined label. */
export const StatusBadge = ({ status }: { status: CheckStatus }) => (
  <span
    style={{
      display: 'inline-block',
      minWidth: 92,
      textAlign: 'center',
      padding: '1px 8px',
      borderRadius: 4,
      fontSize: 12,
      fontWeight: 600,
      color: STATUS_COLOR[status],
      border: `1px solid ${STATUS_COLOR[status]}`,
    }}
  >
    {STATUS_LABEL[status]}
  </span>
);
