import { Text } from '@backstage/ui';
import { LifecycleStep, StepState } from './lifecycle';
import { formatWhen } from '../shared/time';
import styles from './EnvironmentPage.module.css';

const MARKER: Record<StepState, string> = {
  done: '✓',
  current: '●',
  failed: '✕',
  upcoming: '',
  skipped: '–',
};

const STATE_TEXT: Record<StepState, string> = {
  done: 'done',
  current: 'current step',
  failed: 'failed',
  upcoming: 'not yet',
  skipped: 'skipped',
};

/** The lifecycle as a horizontal step list, the current step highlighted. */
export const LifecycleSteps = ({ steps }: { steps: LifecycleStep[] }) => (
  <ol className={styles.steps} aria-label="Lifecycle">
    {steps.map((step, index) => (
      <li
        key={step.status}
        className={`${styles.step} ${styles[step.state]}`}
        aria-current={step.state === 'current' ? 'step' : undefined}
        data-state={step.state}
      >
        <span className={styles.marker} aria-hidden>
          {MARKER[step.state] || index + 1}
        </span>
        <span>
          <Text as="div" variant="body-small" weight="bold">
            {step.label}
          </Text>
          <Text as="div" variant="body-x-small" color="secondary">
            {step.at ? formatWhen(step.at) : STATE_TEXT[step.state]}
          </Text>
        </span>
      </li>
    ))}
  </ol>
);
