import { Rule } from '@internal/plugin-readiness-common';
import { evaluateRule } from './evaluateRule';

const facts = new Map<string, any>([
  ['catalog.oncall.configured', true],
  ['catalog.owner.memberCount', 2],
  ['catalog.lifecycle', 'production'],
  ['catalog.deployPath', ['dev', 'staging', 'prod']],
  ['ci.test.flakyRate', 0.07],
]);

const kind = (rule: Rule) => evaluateRule(rule, facts).kind;

describe('evaluateRule', () => {
  it.each<[Rule, string]>([
    [{ fact: 'catalog.oncall.configured', equals: true }, 'holds'],
    [{ fact: 'catalog.oncall.configured', equals: false }, 'fails'],
    [{ fact: 'catalog.oncall.configured', notEquals: false }, 'holds'],
    [{ fact: 'catalog.owner.memberCount', gte: 2 }, 'holds'],
    [{ fact: 'catalog.owner.memberCount', gt: 2 }, 'fails'],
    [{ fact: 'catalog.owner.memberCount', lt: 3 }, 'holds'],
    [{ fact: 'catalog.owner.memberCount', lte: 1 }, 'fails'],
    [{ fact: 'catalog.lifecycle', matches: '^prod' }, 'holds'],
    [{ fact: 'catalog.lifecycle', matches: '^exp' }, 'fails'],
    [{ fact: 'catalog.deployPath', includes: 'staging' }, 'holds'],
    [{ fact: 'catalog.deployPath', includes: 'preview' }, 'fails'],
    [{ fact: 'catalog.runbook.present', exists: false }, 'holds'],
    [{ fact: 'catalog.runbook.present', exists: true }, 'fails'],
  ])('%j %s', (rule, expected) => {
    expect(kind(rule)).toBe(expected);
  });

  it('reports the facts a rule lacks instead of deciding', () => {
    expect(
      evaluateRule({ fact: 'ci.test.coveragePercent', gte: 60 }, facts),
    ).toEqual({ kind: 'missing', facts: ['ci.test.coveragePercent'] });
  });

  it('decides all/any from what is known when that settles it', () => {
    const missing = { fact: 'ci.test.coveragePercent', gte: 60 };
    expect(
      kind({ all: [{ fact: 'catalog.owner.memberCount', gte: 3 }, missing] }),
    ).toBe('fails');
    expect(
      kind({
        any: [{ fact: 'catalog.oncall.configured', equals: true }, missing],
      }),
    ).toBe('holds');
    expect(
      kind({
        all: [{ fact: 'catalog.oncall.configured', equals: true }, missing],
      }),
    ).toBe('missing');
    expect(
      kind({
        any: [{ fact: 'catalog.oncall.configured', equals: false }, missing],
      }),
    ).toBe('missing');
  });

  it('negates with not, and says why', () => {
    const result = evaluateRule(
      { not: { fact: 'ci.test.flakyRate', gt: 0.05 } },
      facts,
    );
    expect(result).toEqual({
      kind: 'fails',
      reasons: ['not (ci.test.flakyRate = 0.07)'],
    });
  });

  it('fails a numeric comparison on a value that is not a number', () => {
    expect(kind({ fact: 'catalog.lifecycle', gte: 1 })).toBe('fails');
  });
});
