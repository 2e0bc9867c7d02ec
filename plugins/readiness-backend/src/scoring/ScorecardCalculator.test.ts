import { CheckDefinition } from '@internal/plugin-readiness-common';
import { ScorecardCalculator, ScoredResult } from './ScorecardCalculator';

const check = (
  id: string,
  level: CheckDefinition['level'],
  weight: number,
  capability: CheckDefinition['capability'] = 'ownership',
): CheckDefinition => ({
  id,
  capability,
  title: id,
  description: id,
  howToFix: { markdown: 'fix it' },
  weight,
  level,
  rule: { fact: id, equals: true },
});

const checks = [
  check('owner', 'bronze', 4),
  check('oncall', 'silver', 3),
  check('escalation', 'gold', 2),
  check('runbook', 'bronze', 1, 'observability'),
];
const calculator = new ScorecardCalculator(checks);
const results = (entries: Record<string, Partial<ScoredResult>>) =>
  new Map(
    Object.entries(entries).map(([id, r]) => [
      id,
      { status: 'pass', exempted: false, ...r } as ScoredResult,
    ]),
  );

describe('ScorecardCalculator', () => {
  it('weights the score and reaches every level when all pass', () => {
    const score = calculator.capabilityScore(
      'ownership',
      results({ owner: {}, oncall: {}, escalation: {} }),
    );
    expect(score).toEqual({
      capability: 'ownership',
      score: 100,
      level: 'gold',
    });
  });

  it('stops at the first level with a failing check and names what blocks the next', () => {
    const score = calculator.capabilityScore(
      'ownership',
      results({ owner: {}, oncall: { status: 'fail' }, escalation: {} }),
    );
    expect(score).toEqual({
      capability: 'ownership',
      score: Math.round((100 * (4 + 2)) / 9),
      level: 'bronze',
      next: { level: 'silver', failingChecks: ['oncall'] },
    });
  });

  it('gives half credit to warn, none to missing data, and full to exemptions', () => {
    const score = calculator.capabilityScore(
      'ownership',
      results({
        owner: { status: 'warn' },
        oncall: { status: 'missing-data' },
        escalation: { status: 'fail', exempted: true },
      }),
    );
    expect(score.score).toBe(Math.round((100 * (2 + 0 + 2)) / 9));
    expect(score.level).toBe('none');
    expect(score.next).toEqual({
      level: 'bronze',
      failingChecks: ['owner'],
    });
  });

  it('leaves not-applicable checks out of score and levels', () => {
    const score = calculator.capabilityScore(
      'ownership',
      results({
        owner: {},
        oncall: { status: 'not-applicable' },
        escalation: {},
      }),
    );
    expect(score).toEqual({
      capability: 'ownership',
      score: 100,
      level: 'gold',
    });
  });

  it('has no score where no check applies, and the overall level is the lowest scored one', () => {
    const scores = calculator.capabilityScores(
      results({ owner: {}, oncall: {}, escalation: { status: 'fail' } }),
    );
    expect(scores.find(s => s.capability === 'test-feedback')).toEqual({
      capability: 'test-feedback',
      score: null,
      level: 'none',
    });
    expect(
      scores.find(s => s.capability === 'observability')?.score,
    ).toBeNull();
    expect(ScorecardCalculator.overallLevel(scores)).toBe('silver');
  });
});
