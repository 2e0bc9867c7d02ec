import { MetricsResponse } from '@internal/plugin-delivery-common';
import { Text } from '@backstage/ui';
import { formatHours, STAGE_LABEL } from './format';
import styles from './shared.module.css';

/** The binding constraint, said plainly, and every stage's median wait next to it. */
export const ConstraintCallout = ({
  metrics,
  showStages = true,
}: {
  metrics: Pick<MetricsResponse, 'constraint' | 'stages'>;
  showStages?: boolean;
}) => {
  const { constraint, stages } = metrics;
  if (!constraint)
    return (
      <Text as="p" color="secondary">
        No stage has data yet: the binding constraint shows once pull requests,
        test runs or deploys are recorded.
      </Text>
    );
  const longest = Math.max(...stages.map(s => s.p50Hours ?? 0), 1e-9);
  return (
    <section aria-label="Binding constraint">
      <div className={styles.constraint}>
        <Text as="p" className={styles.constraintTitle}>
          Changes wait longest in: {STAGE_LABEL[constraint.stage]}
        </Text>
        <Text as="p" variant="body-small">
          Median {formatHours(constraint.p50Hours)}: speeding up any other stage
          will not ship changes sooner until this one moves.
        </Text>
      </div>
      {showStages && (
        <ul
          className={styles.stages}
          aria-label="Median wait per stage"
          style={{ marginTop: 12 }}
        >
          {stages.map(s => (
            <li key={s.stage} className={styles.stage}>
              <span>{STAGE_LABEL[s.stage]}</span>
              <span
                className={`${styles.stageBar} ${
                  s.stage === constraint.stage ? styles.stageBarConstraint : ''
                }`}
                style={{ width: `${((s.p50Hours ?? 0) / longest) * 100}%` }}
              />
              <span>{formatHours(s.p50Hours)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
