import { BUILTIN_FACTS } from '@internal/plugin-readiness-common';
import { parseChecks } from './loadChecks';

const valid = `
  - id: ownership.oncall
    capability: ownership
    title: On-call is configured
    description: Someone must answer when it breaks.
    howToFix:
      markdown: Add \`pagerduty.com/service-id\`.
      link: https://backstage.io/docs
    weight: 3
    level: silver
    rule: { fact: catalog.oncall.configured, equals: true }
`;

const parse = (checks: string) =>
  parseChecks(`checks:${checks}`, 'team.yaml', BUILTIN_FACTS);

describe('parseChecks', () => {
  it('loads a valid check', () => {
    const { checks, problems } = parse(valid);
    expect(problems).toEqual([]);
    expect(checks.map(c => c.id)).toEqual(['ownership.oncall']);
  });

  it('reports each broken definition by file and field and keeps the others', () => {
    const broken = `
  - id: Bad Id
    capability: speed
    title: x
    description: x
    howToFix: { markdown: x }
    weight: 3
    level: platinum
    rule: { fact: catalog.oncall.configured, equals: true }
  - id: observability.runbook
    capability: observability
    title: Runbook
    description: x
    howToFix: { markdown: x }
    weight: 1
    level: bronze
    rule: { all: [ { fact: catalog.runbook.present, gte: 1 } ] }
  - id: test-feedback.coverage
    capability: test-feedback
    title: Coverage
    description: x
    howToFix: { markdown: x }
    weight: 1
    level: gold
    rule: { fact: ci.test.coverage, gte: 80 }`;
    const { checks, problems } = parse(valid + broken);
    expect(checks.map(c => c.id)).toEqual(['ownership.oncall']);
    expect(problems.map(p => `${p.file} ${p.field}`)).toEqual([
      'team.yaml checks[1].id',
      'team.yaml checks[1].capability',
      'team.yaml checks[1].level',
      'team.yaml checks[2].rule.all[0].gte',
      'team.yaml checks[3].rule.fact',
    ]);
    expect(problems[3].message).toBe(
      'cannot compare boolean fact "catalog.runbook.present"; it needs a number fact',
    );
    expect(problems[4].message).toBe(
      'names an undeclared fact "ci.test.coverage"',
    );
  });

  it('names the operator problem of a fact rule', () => {
    const { problems } = parse(
      valid.replace(
        '{ fact: catalog.oncall.configured, equals: true }',
        '{ fact: catalog.oncall.configured }',
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toMatch(/^checks\[0\]\.rule/);
  });

  it('rejects values a fact can never take: outside its enum or its range', () => {
    const withRule = (rule: string) =>
      parse(
        valid.replace(
          '{ fact: catalog.oncall.configured, equals: true }',
          rule,
        ),
      ).problems;
    expect(
      withRule('{ fact: catalog.branchProtection, equals: enable }'),
    ).toEqual([
      {
        file: 'team.yaml',
        field: 'checks[0].rule.equals',
        message:
          '"enable" is not a value of "catalog.branchProtection"; it is one of enabled, disabled, absent',
      },
    ]);
    expect(withRule('{ fact: ci.test.flakyRate, lt: 2 }')).toEqual([
      {
        file: 'team.yaml',
        field: 'checks[0].rule.lt',
        message: '2 is outside the range of "ci.test.flakyRate" (0..1)',
      },
    ]);
    expect(withRule('{ fact: ci.test.flakyRate, lt: 0.05 }')).toEqual([]);
  });

  it('reports a file that is not YAML or has no checks list', () => {
    expect(
      parseChecks('checks: [', 'a.yaml', BUILTIN_FACTS).problems[0],
    ).toEqual(expect.objectContaining({ file: 'a.yaml', field: '' }));
    expect(parseChecks('rules: []', 'b.yaml', BUILTIN_FACTS).problems).toEqual([
      { file: 'b.yaml', field: 'checks', message: 'must be a list of checks' },
    ]);
  });
});
