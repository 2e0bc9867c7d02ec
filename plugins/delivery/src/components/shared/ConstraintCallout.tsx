import { FlowStage, MetricsResponse } from '@internal/plugin-delivery-common';
import { Text } from '@backstage/ui';
import { formatHours, STAGE_LABEL } from './format';
import styles from './shared.module.css';

/**
 * The binding constraint, said plainly, and every stage's median wait next to it; a stage
 * without enough measurements says so and how to feed it, and with fewer than two comparable
 * stages there is no constraint, only the reason.
 */
export const ConstraintCallout = ({
  metrics,
  showStages = true,
}: {
  metrics: Pick<
    MetricsResponse,
    'constraint' | 'stages' | 'noConstraint' | 'minimumSample'
  >;
  showStages?: boolean;
}) => {
  const { constraint, stages, noConstraint, minimumSample } = metrics;
  const longest = Math.max(...stages.map(s => s.p50Hours ?? 0), 1e-9);
  const lacking = stages.filter(s => !s.enoughData);
  return (
    <section aria-label="Binding constraint">
      <div className={styles.constraint}>
        {constraint ? (
          <>
            <Text as="p" className={styles.constraintTitle}>
              Changes wait longest in: {STAGE_LABEL[constraint.stage]}
            </Text>
            <Text as="p" variant="body-small">
              Median {formatHours(constraint.p50Hours)}, the slowest of the{' '}
              {constraint.comparedStages} stages with {minimumSample} or more
              measurements: speeding up any other stage will not ship changes
              sooner until this one moves.
            </Text>
          </>
        ) : (
          <>
            <Text as="p" className={styles.constraintTitle}>
              No binding constraint yet
            </Text>
            <Text as="p" variant="body-small">
              {noConstraint}.
            </Text>
          </>
        )}
        {lacking.length > 0 && (
          <Text as="p" variant="body-small" color="secondary">
            Stages without enough data:{' '}
            {lacking.map(s => STAGE_LABEL[s.stage]).join(', ')}.
          </Text>
        )}
      </div>
      {showStages && (
        <>
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
                    s.stage === constraint?.stage
                      ? styles.stageBarConstraint
                      : ''
                  }`}
                  style={{
                    width: `${((s.p50Hours ?? 0) / longest) * 100}%`,
                    visibility: s.p50Hours === undefined ? 'hidden' : undefined,
                  }}
                />
                <span>{stageValue(s, minimumSample)}</span>
              </li>
            ))}
          </ul>
          <details className={styles.definitions}>
            <summary>
              What each stage is measured from, and how to feed it
            </summary>
            <dl>
              {stages.map(s => (
                <div key={s.stage}>
                  <dt>{STAGE_LABEL[s.stage]}</dt>
                  <dd>
                    {s.measuredFrom}; {s.count} in this window.
                    {!s.enoughData && ` Feed it with ${s.howToFeed}.`}
                  </dd>
                </div>
              ))}
            </dl>
          </details>
        </>
      )}
    </section>
  );
};

function stageValue(s: FlowStage, minimumSample: number): string {
  if (s.enoughData) return `${formatHours(s.p50Hours)} (n=${s.count})`;
  return s.count === 0
    ? 'no data'
    : `not enough data (${s.count} of ${minimumSample})`;
}
