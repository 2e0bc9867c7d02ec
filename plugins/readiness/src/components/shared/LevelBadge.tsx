import { AchievedLevel } from '@internal/plugin-readiness-common';
import { LEVEL_COLOR, LEVEL_LABEL } from './presentation';

/** A level as a coloured pill: Gold, Silver, Bronze or No level. */
export const LevelBadge = ({ level }: { level: AchievedLevel }) => (
  <span
    data-testid="level-badge"
    style={{
      display: 'inline-block',
      padding: '2px 10px',
      borderRadius: 12,
      fontSize: 12,
      fontWeight: 600,
      color: level === 'none' ? '#424242' : '#fff',
      background: LEVEL_COLOR[level],
    }}
  >
    {LEVEL_LABEL[level]}
  </span>
);
