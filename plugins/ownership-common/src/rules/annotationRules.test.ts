import {
  escalationProblems,
  hasOnCall,
  onCallProblems,
} from './annotationRules';

const messages = (problems: { message: string }[]) =>
  problems.map(p => p.message);

describe('onCallProblems', () => {
  it('accepts one well-formed on-call tool', () => {
    expect(onCallProblems({ 'pagerduty.com/service-id': 'PX1A2B3' })).toEqual(
      [],
    );
    expect(
      onCallProblems({ 'opsgenie.com/component-selector': 'tag:"service:x"' }),
    ).toEqual([]);
  });

  it('reports both tools, empty values and a bad PagerDuty id', () => {
    expect(
      messages(
        onCallProblems({
          'pagerduty.com/service-id': 'PX1A2B3',
          'opsgenie.com/component-selector': 'tag:"x"',
        }),
      ),
    ).toEqual([
      'Both pagerduty.com/service-id and opsgenie.com/component-selector are set; use one on-call tool',
    ]);
    expect(
      messages(onCallProblems({ 'pagerduty.com/service-id': ' ' })),
    ).toEqual(['pagerduty.com/service-id is empty']);
    expect(
      messages(onCallProblems({ 'opsgenie.com/component-selector': '' })),
    ).toEqual(['opsgenie.com/component-selector is empty']);
    const [bad] = onCallProblems({ 'pagerduty.com/service-id': 'px-12' });
    expect(bad).toMatchObject({
      code: 'oncall-malformed',
      field: 'metadata.annotations.pagerduty.com/service-id',
    });
    expect(bad.message).toContain('"px-12" is not a PagerDuty service id');
  });

  it('knows whether an on-call is named at all', () => {
    expect(hasOnCall({})).toBe(false);
    expect(hasOnCall({ 'pagerduty.com/service-id': '' })).toBe(true);
  });
});

describe('escalationProblems', () => {
  const policy = (value: string) =>
    messages(escalationProblems({ 'runway.dev/escalation-policy': value }));

  it('accepts contacts in order and an absent policy', () => {
    expect(policy('payments-oncall -> payments-lead -> cto')).toEqual([]);
    expect(policy('user:default/ana -> group:default/leads')).toEqual([]);
    expect(escalationProblems({})).toEqual([]);
  });

  it('reports empty policies, empty steps, bad and repeated contacts, a lone contact', () => {
    expect(policy('  ')).toEqual(['runway.dev/escalation-policy is empty']);
    expect(policy('a -> -> b')).toEqual([
      'runway.dev/escalation-policy "a -> -> b" has an empty step; separate contacts with "->"',
    ]);
    expect(policy('payments lead -> cto')).toEqual([
      'runway.dev/escalation-policy contact "payments lead" is not a contact name (letters, digits, . _ @ : / -, no spaces)',
    ]);
    expect(policy('oncall -> lead -> ONCALL -> oncall')).toEqual([
      'runway.dev/escalation-policy lists "ONCALL" more than once',
    ]);
    expect(policy('oncall')).toEqual([
      'runway.dev/escalation-policy has a single contact "oncall"; name whom to escalate to after it',
    ]);
  });
});
