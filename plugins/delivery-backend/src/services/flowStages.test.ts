import { Summary } from '../database/MetricsStore';
import { flowStages } from './flowStages';

const s = (count: number, p50Seconds?: number): Summary => ({
  count,
  p50: p50Seconds,
});
const none = s(0);
const inputs = (patch: Partial<Parameters<typeof flowStages>[0]> = {}) => ({
  prs: { timeToFirstReview: none, inReview: none },
  tests: { duration: none },
  ci: { duration: none },
  waits: {
    mergeToDeploy: none,
    approval: none,
    queue: none,
    deploying: none,
  },
  ...patch,
});

describe('flowStages', () => {
  it('names no constraint when only one stage has data, and says why', () => {
    // The issue: "CI tests, median 1 min" named while every other stage had nothing.
    const result = flowStages(inputs({ tests: { duration: s(40, 60) } }), 5);
    expect(result.constraint).toBeUndefined();
    expect(result.noConstraint).toBe(
      'Not enough data: only one stage (ci-tests) has 5 or more measurements in the window, and a constraint is the slowest of several',
    );
    const ci = result.stages.find(x => x.stage === 'ci-tests')!;
    expect([ci.enoughData, ci.p50Hours]).toEqual([true, 1 / 60]);
    const review = result.stages.find(x => x.stage === 'review-wait')!;
    expect(review).toEqual(
      expect.objectContaining({ enoughData: false, count: 0 }),
    );
    expect(review.howToFeed).toContain('GitHub pull_request');
  });

  it('leaves out of the comparison, and hides the median of, a stage under the minimum sample', () => {
    const result = flowStages(
      inputs({
        prs: { timeToFirstReview: s(4, 100 * 3600), inReview: s(10, 3600) },
        tests: { duration: s(10, 600) },
      }),
      5,
    );
    // Review wait's 100 h rests on 4 PRs: not the constraint, no median shown.
    expect(result.stages[0]).toEqual(
      expect.objectContaining({
        count: 4,
        enoughData: false,
        p50Hours: undefined,
      }),
    );
    expect(result.constraint).toEqual({
      stage: 'in-review',
      p50Hours: 1,
      comparedStages: 2,
    });
  });

  it('measures CI from CI runs when there are enough of them, else from test runs', () => {
    const ci = (n: number) =>
      flowStages(
        inputs({ tests: { duration: s(9, 60) }, ci: { duration: s(n, 1200) } }),
        5,
      ).stages.find(x => x.stage === 'ci-tests')!;
    expect(ci(5).p50Hours).toBeCloseTo(1 / 3);
    expect(ci(5).measuredFrom).toMatch(/^CI runs/);
    expect(ci(4).p50Hours).toBeCloseTo(1 / 60);
    expect(ci(4).measuredFrom).toMatch(/^test runs/);
  });
});
