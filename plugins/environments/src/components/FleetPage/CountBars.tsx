import { Text } from '@backstage/ui';
import styles from './FleetPage.module.css';

export type Count = { key: string; label: string; count: number };

/** Counts as horizontal bars, largest first. */
export const CountBars = ({
  label,
  counts,
  empty,
}: {
  label: string;
  counts: Count[];
  empty: string;
}) => {
  if (counts.length === 0) {
    return (
      <Text as="p" color="secondary">
        {empty}
      </Text>
    );
  }
  const sorted = [...counts].sort(
    (a, b) => b.count - a.count || a.label.localeCompare(b.label),
  );
  const max = Math.max(1, ...sorted.map(c => c.count));
  return (
    <ul className={styles.bars} aria-label={label}>
      {sorted.map(c => (
        <li key={c.key} aria-label={`${c.label}: ${c.count}`}>
          <Text as="span" variant="body-small" truncate>
            {c.label}
          </Text>
          <span className={styles.track} aria-hidden>
            <span
              className={styles.fill}
              style={{ display: 'block', width: `${(c.count / max) * 100}%` }}
            />
          </span>
          <Text as="span" variant="body-small" className={styles.count}>
            {c.count}
          </Text>
        </li>
      ))}
    </ul>
  );
};
