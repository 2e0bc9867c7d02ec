import { CheckDefinition } from '@internal/plugin-readiness-common';
import { evaluateCheck } from './evaluateCheck';

const check: CheckDefinition = {
  id: 'test-feedback.flaky-rate-low',
  capability: 'test-feedback',
  title: 'Flaky tests are rare',
  description: 'Flaky tests erode trust in CI.',
  howToFix: { markdown: 'Quarantine and fix flaky tests.' },
  weight: 3,
  level: 'silver',
  appliesTo: { kinds: ['Component'], types: ['service', 'website'] },
  rule: { fact: 'ci.test.flakyRate', lt: 0.05 },
  warn: { fact: 'ci.test.flakyRate', lt: 0.1 },
};
const service = { kind: 'Component', type: 'service', lifecycle: 'production' };
const facts = (rate?: number) =>
  new Map(rate === undefined ? [] : [['ci.test.flakyRate', rate]]);

describe('evaluateCheck', () => {
  it('passes, warns and fails on the rule and its warn threshold', () => {
    expect(evaluateCheck(check, service, facts(0.01)).status).toBe('pass');
    expect(evaluateCheck(check, service, facts(0.07))).toEqual({
      status: 'warn',
      detail: 'ci.test.flakyRate = 0.07',
    });
    expect(evaluateCheck(check, service, facts(0.2)).status).toBe('fail');
  });

  it('says which fact is missing rather than skipping the check', () => {
    expect(evaluateCheck(check, service, facts())).toEqual({
      status: 'missing-data',
      detail: 'no value yet for ci.test.flakyRate',
    });
  });

  it('is not applicable outside its kinds and types, and says why', () => {
    expect(
      evaluateCheck(check, { kind: 'Component', type: 'library' }, facts(0.01)),
    ).toEqual({
      status: 'not-applicable',
      detail: 'applies to type service, website, not library',
    });
    expect(
      evaluateCheck(check, { kind: 'API', type: 'openapi' }, facts(0.01))
        .status,
    ).toBe('not-applicable');
  });

  it('matches its kinds, types and lifecycles whatever their case', () => {
    const scoped = {
      ...check,
      appliesTo: {
        kinds: ['component'],
        types: ['Service'],
        lifecycles: ['PRODUCTION'],
      },
    };
    const subject = {
      kind: 'Component',
      type: 'SERVICE',
      lifecycle: 'production',
    };
    expect(evaluateCheck(scoped, subject, facts(0.01)).status).toBe('pass');
    expect(
      evaluateCheck(
        scoped,
        { ...subject, lifecycle: 'experimental' },
        facts(0.01),
      ),
    ).toEqual({
      status: 'not-applicable',
      detail: 'applies to lifecycle PRODUCTION, not experimental',
    });
  });

  it('reports an error, not a crash, when the rule cannot run', () => {
    const broken = { ...check, rule: { fact: 'ci.test.flakyRate' } } as any;
    expect(evaluateCheck(broken, service, facts(0.01)).status).toBe('error');
  });

  it('says when a fact it lacks was last reported, if it is only too old', () => {
    const stale = new Map([
      [
        'ci.test.flakyRate',
        { observedAt: '2026-09-01T06:00:00.000Z', maxAgeDays: 30 },
      ],
    ]);
    expect(evaluateCheck(check, service, facts(), stale)).toEqual({
      status: 'missing-data',
      detail:
        'ci.test.flakyRate was last reported 2026-09-01, more than 30 days ago',
    });
  });
});
