import { CheckDefinition } from '@internal/plugin-readiness-common';
import { ScorecardCalculator, ScoredResult } from './ScorecardCalculator';

const check = (
  id: string,
  level: CheckDefinition['level'],
  weight: number,
): CheckDefinition => ({
  id,
  capability: id.split('.')[0] as CheckDefinition['capability'],
  title: `Title of ${id}`,
  description: id,
  howToFix: { markdown: `Fix ${id}` },
  weight,
  level,
  rule: { fact: id, equals: true },
});

// Identity Service's shape: self-service deployment scores lowest (its bronze checks pass, its
// silver ones have no data), while one bronze test-feedback check fails.
const checks = [
  check('self-service-deployment.deploy-path-declared', 'bronze', 2),
  check('self-service-deployment.gitops', 'bronze', 3),
  check('self-service-deployment.rollback-available', 'silver', 4),
  check('self-service-deployment.owner-driven', 'silver', 5),
  check('self-service-deployment.deploys-weekly', 'silver', 3),
  check('self-service-deployment.lead-time-week', 'silver', 3),
  check('self-service-deployment.deploys-daily', 'gold', 3),
  check('test-feedback.ci-linked', 'bronze', 3),
  check('test-feedback.coverage-reported', 'bronze', 2),
  check('test-feedback.coverage-60', 'silver', 3),
  check('ownership.owner-resolves', 'bronze', 5),
  check('ownership.system-assigned', 'bronze', 2),
  check('ownership.description', 'bronze', 1),
  check('ownership.oncall', 'silver', 5),
  check('ownership.bus-factor', 'gold', 4),
];
const calculator = new ScorecardCalculator(checks);

/** Every check passes unless named here. */
function results(
  overrides: Record<string, Partial<ScoredResult>>,
): Map<string, ScoredResult> {
  return new Map(
    checks.map(c => [
      c.id,
      { status: 'pass', exempted: false, ...overrides[c.id] } as ScoredResult,
    ]),
  );
}

function fixFirst(overrides: Record<string, Partial<ScoredResult>>) {
  const r = results(overrides);
  const scores = calculator.capabilityScores(r);
  return { scores, fixFirst: calculator.fixFirst(scores, r) };
}

const ids = (f: { checks: Array<{ id: string }> }) => f.checks.map(c => c.id);

describe('ScorecardCalculator.fixFirst', () => {
  it('names the bronze test-feedback check that keeps Identity Service at no level, not the lowest-scoring capability', () => {
    const { scores, fixFirst: first } = fixFirst({
      'self-service-deployment.rollback-available': { status: 'missing-data' },
      'self-service-deployment.owner-driven': { status: 'missing-data' },
      'self-service-deployment.deploys-weekly': { status: 'missing-data' },
      'self-service-deployment.lead-time-week': { status: 'missing-data' },
      'self-service-deployment.deploys-daily': { status: 'missing-data' },
      'test-feedback.coverage-reported': { status: 'fail' },
    });
    const lowest = [...scores]
      .filter(s => s.score !== null)
      .sort((a, b) => a.score! - b.score!)[0];
    expect(lowest.capability).toBe('self-service-deployment');
    expect(ScorecardCalculator.overallLevel(scores)).toBe('none');

    expect(first).toEqual({
      level: 'bronze',
      checks: [
        {
          id: 'test-feedback.coverage-reported',
          capability: 'test-feedback',
          level: 'bronze',
          weight: 2,
          status: 'fail',
          title: 'Title of test-feedback.coverage-reported',
          howToFix: { markdown: 'Fix test-feedback.coverage-reported' },
        },
      ],
    });
  });

  it('is empty at gold, with no level above it', () => {
    const { scores, fixFirst: first } = fixFirst({});
    expect(ScorecardCalculator.overallLevel(scores)).toBe('gold');
    expect(first).toEqual({ checks: [] });
  });

  it('never counts exempted or not-applicable checks as blocking', () => {
    const { scores, fixFirst: first } = fixFirst({
      'test-feedback.coverage-reported': { status: 'fail', exempted: true },
      'ownership.system-assigned': { status: 'not-applicable' },
      'ownership.oncall': { status: 'fail' },
    });
    expect(ScorecardCalculator.overallLevel(scores)).toBe('bronze');
    expect(first).toEqual({
      level: 'silver',
      checks: [expect.objectContaining({ id: 'ownership.oncall' })],
    });
  });

  it('lists every open check of the next level and below, in capabilities below it, heaviest first', () => {
    const { scores, fixFirst: first } = fixFirst({
      // Silver and above in ownership: its gold check does not block silver.
      'ownership.bus-factor': { status: 'fail' },
      'self-service-deployment.owner-driven': { status: 'warn' },
      'self-service-deployment.lead-time-week': { status: 'missing-data' },
      'self-service-deployment.deploys-weekly': { status: 'error' },
      // Gold checks of a capability below silver do not block silver either.
      'self-service-deployment.deploys-daily': { status: 'fail' },
      'test-feedback.coverage-60': { status: 'fail' },
    });
    expect(ScorecardCalculator.overallLevel(scores)).toBe('bronze');
    expect(first.level).toBe('silver');
    expect(ids(first)).toEqual([
      'self-service-deployment.owner-driven',
      // Equal weights: the title decides.
      'self-service-deployment.deploys-weekly',
      'self-service-deployment.lead-time-week',
      'test-feedback.coverage-60',
    ]);
    expect(first.checks.map(c => c.status)).toEqual([
      'warn',
      'error',
      'missing-data',
      'fail',
    ]);
  });

  it('orders across capabilities by weight, and blocks the next level with checks of that level only', () => {
    const { fixFirst: first } = fixFirst({
      'self-service-deployment.gitops': { status: 'fail' },
      'test-feedback.ci-linked': { status: 'fail' },
      'test-feedback.coverage-60': { status: 'fail' },
      'ownership.owner-resolves': { status: 'fail' },
    });
    // Every capability below the next level already passes the levels under it, so what
    // blocks bronze is bronze checks: the failing silver one waits.
    expect(first.level).toBe('bronze');
    expect(ids(first)).toEqual([
      'ownership.owner-resolves',
      'self-service-deployment.gitops',
      'test-feedback.ci-linked',
    ]);
  });

  it('has nothing to block when no capability is scored', () => {
    const none = new Map(
      checks.map(c => [
        c.id,
        { status: 'not-applicable', exempted: false } as ScoredResult,
      ]),
    );
    const scores = calculator.capabilityScores(none);
    expect(ScorecardCalculator.scoredCapabilities(scores)).toBe(0);
    expect(calculator.fixFirst(scores, none)).toEqual({
      level: 'bronze',
      checks: [],
    });
  });

  it('counts the capabilities with an applicable check', () => {
    const onlyOwnership = new Map(
      checks.map(c => [
        c.id,
        {
          status: c.capability === 'ownership' ? 'pass' : 'not-applicable',
          exempted: false,
        } as ScoredResult,
      ]),
    );
    const scores = calculator.capabilityScores(onlyOwnership);
    expect(ScorecardCalculator.scoredCapabilities(scores)).toBe(1);
    expect(ScorecardCalculator.overallLevel(scores)).toBe('gold');
  });
});
