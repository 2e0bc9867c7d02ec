import { JunitReader } from './JunitReader';

const LIMITS = {
  earliest: new Date('2024-01-01T00:00:00Z'),
  latest: new Date('2026-12-31T00:00:00Z'),
};
const parseJunit = (xml: string) => new JunitReader(LIMITS).write(xml).end();

describe('JunitReader', () => {
  it('reads a Maven Surefire report with a flaky test (flakyFailure) and a failure', () => {
    const run = parseJunit(`<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.skyline.PaymentsTest" time="12.5" tests="3" errors="0" skipped="0" failures="1" timestamp="2026-11-30T10:00:00">
  <testcase name="charges" classname="com.skyline.PaymentsTest" time="1.2">
    <flakyFailure message="timeout" type="java.net.SocketTimeoutException">stack</flakyFailure>
  </testcase>
  <testcase name="refunds" classname="com.skyline.PaymentsTest" time="0.8">
    <failure message="expected 2 but was 3" type="AssertionError">stack</failure>
  </testcase>
  <testcase name="lists" classname="com.skyline.PaymentsTest" time="0.1"/>
</testsuite>`);
    expect(run).toEqual(
      expect.objectContaining({
        durationSeconds: 12.5,
        tests: 3,
        failures: 1,
        flakyTests: 1,
        skipped: 0,
        startedAt: new Date('2026-11-30T10:00:00Z'),
      }),
    );
    expect(run.cases.find(c => c.name === 'charges')).toEqual(
      expect.objectContaining({ outcome: 'flaky', attempts: 2 }),
    );
    expect(run.cases.find(c => c.name === 'refunds')?.message).toBe(
      'expected 2 but was 3',
    );
  });

  it('reads pytest output with a skip, and a retried test that failed then passed as flaky', () => {
    const run = parseJunit(`<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="4" time="3.250" timestamp="2026-11-30T10:00:00.123456+00:00" hostname="ci">
<testcase classname="tests.test_search" name="test_query" time="0.5"><failure message="AssertionError: boom">assert 1 == 2</failure></testcase>
<testcase classname="tests.test_search" name="test_query" time="0.4"/>
<testcase classname="tests.test_search" name="test_rank" time="0.1"><skipped type="pytest.skip" message="later">skip</skipped></testcase>
<testcase classname="tests.test_search" name="test_index" time="2.2"><error message="fixture failed">trace</error></testcase>
</testsuite></testsuites>`);
    expect(run).toEqual(
      expect.objectContaining({
        // No time on <testsuites>: the suites' time.
        durationSeconds: 3.25,
        tests: 3,
        failures: 1,
        skipped: 1,
        flakyTests: 1,
      }),
    );
    expect(run.cases.find(c => c.name === 'test_query')).toEqual(
      expect.objectContaining({ outcome: 'flaky', attempts: 2 }),
    );
  });

  it('reads jest-junit output (suite times summed in <testsuites time>)', () => {
    const run = parseJunit(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="2" failures="0" errors="0" time="4.321">
  <testsuite name="Checkout" errors="0" failures="0" skipped="0" timestamp="2026-11-30T10:00:00" time="4.1" tests="2">
    <testcase classname="Checkout pays" name="Checkout pays" time="2.0"></testcase>
    <testcase classname="Checkout refunds" name="Checkout refunds" time="2.1">
      <properties><property name="flaky" value="true"/></properties>
    </testcase>
  </testsuite>
</testsuites>`);
    expect(run.durationSeconds).toBe(4.321);
    expect(run.tests).toBe(2);
    expect(run.flakyTests).toBe(1);
  });

  it('refuses malformed XML with the parser message and a report that is not JUnit', () => {
    expect(() =>
      parseJunit('<testsuite><testcase name="a"></testsuite>'),
    ).toThrow(/^Malformed JUnit XML: 1:\d+: unexpected close tag/);
    expect(() => parseJunit('<html><body/></html>')).toThrow(
      'the root element must be <testsuites> or <testsuite>, not <html>',
    );
    expect(() => parseJunit('')).toThrow(
      'document must contain a root element',
    );
  });

  it('counts a nested suite once: its own time, else its children and cases', () => {
    // PHPUnit's shape: the parent suite's time already includes its children's.
    const run = parseJunit(`<testsuites>
  <testsuite name="all" time="3.0">
    <testsuite name="Unit" time="2.0"><testcase name="a" classname="A" time="2.0"/></testsuite>
    <testsuite name="Feature" time="1.0"><testcase name="a" classname="A" time="1.0"/></testsuite>
  </testsuite>
  <testsuite name="untimed">
    <testsuite name="inner" time="0.5"><testcase name="b" time="0.5"/></testsuite>
    <testcase name="c" time="0.25"/>
  </testsuite>
</testsuites>`);
    expect(run.durationSeconds).toBe(3.75);
    // Same classname and name in two suites: two tests, neither flaky.
    expect(run.tests).toBe(4);
    expect(run.flakyTests).toBe(0);
    expect(run.cases.map(c => c.suite)).toEqual([
      'all › Unit',
      'all › Feature',
      'untimed › inner',
      'untimed',
    ]);
  });

  it('keeps same-named cases with an empty classname in different suites apart', () => {
    const run = parseJunit(`<testsuites>
  <testsuite name="login"><testcase name="works"><failure/></testcase></testsuite>
  <testsuite name="logout"><testcase name="works"/></testsuite>
</testsuites>`);
    expect(run).toEqual(
      expect.objectContaining({ tests: 2, failures: 1, flakyTests: 0 }),
    );
  });

  it('reads an empty report as a run of no tests', () => {
    expect(parseJunit('<testsuites/>')).toEqual({
      startedAt: undefined,
      durationSeconds: 0,
      tests: 0,
      failures: 0,
      skipped: 0,
      flakyTests: 0,
      cases: [],
    });
  });

  it('refuses a time that is not a number of seconds, negative or absurd, naming the line', () => {
    expect(() =>
      parseJunit(
        '<testsuites>\n<testsuite name="s" time="<<computed>>"/></testsuites>'.replace(
          '<<computed>>',
          '&lt;&lt;computed&gt;&gt;',
        ),
      ),
    ).toThrow(
      'Invalid JUnit XML: <testsuite> at line 2 has time "<<computed>>", which is not a number of seconds',
    );
    expect(() =>
      parseJunit('<testsuite><testcase name="a" time="1e308"/></testsuite>'),
    ).toThrow('<testcase> at line 1 has time 1e308 seconds, more than 7 days');
    expect(() =>
      parseJunit('<testsuite><testcase name="a" time="-1"/></testsuite>'),
    ).toThrow('not a number of seconds');
    const separators = parseJunit(
      '<testsuites><testsuite name="s" time="1,234.5"/><testsuite name="t" time="0,25"/></testsuites>',
    );
    expect(separators.durationSeconds).toBe(1234.75);
  });

  it('refuses a DOCTYPE, deep nesting and over-long names', () => {
    expect(() =>
      parseJunit(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><testsuites>&a;</testsuites>',
      ),
    ).toThrow('a DOCTYPE is not accepted in a JUnit report');
    const deep = `<testsuites>${'<testsuite>'.repeat(
      2000,
    )}${'</testsuite>'.repeat(2000)}</testsuites>`;
    expect(() => parseJunit(deep)).toThrow(
      'Invalid JUnit XML at line 1: elements nest deeper than 64 levels',
    );
    expect(() =>
      parseJunit(
        `<testsuite><testcase name="${'x'.repeat(4001)}"/></testsuite>`,
      ),
    ).toThrow(
      '<testcase> name has 4,001 characters, at most 4,000 are accepted',
    );
  });

  it('refuses suite timestamps outside the accepted range, reads zero times as none and zoneless ones as UTC', () => {
    for (const stamp of [
      '1970-01-02T00:00:00',
      '0001-01-01T00:00:01Z',
      '2031-01-01T00:00:00',
    ])
      expect(() =>
        parseJunit(`<testsuite name="s" timestamp="${stamp}"/>`),
      ).toThrow(/has timestamp .* outside the accepted range/);
    // Go's zero time (gotestsum) and Unix's mean "no time": never stored as one.
    for (const stamp of ['0001-01-01T00:00:00Z', '1970-01-01T00:00:00'])
      expect(
        parseJunit(`<testsuite name="s" timestamp="${stamp}"/>`).startedAt,
      ).toBeUndefined();
    expect(() =>
      parseJunit('<testsuite name="s" timestamp="yesterday"/>'),
    ).toThrow('has timestamp "yesterday", which is not an ISO 8601 date');
    expect(
      parseJunit(
        '<testsuites><testsuite name="s" timestamp="2026-11-30 10:00:00"/><testsuite name="t" timestamp="2026-11-30T09:00:00+01:00"/></testsuites>',
      ).startedAt,
    ).toEqual(new Date('2026-11-30T08:00:00Z'));
  });

  it('refuses more tests than the limit allows', () => {
    const reader = new JunitReader({ ...LIMITS, maxTests: 2 });
    expect(() =>
      reader
        .write(
          '<testsuite><testcase name="a"/><testcase name="a"/><testcase name="b"/><testcase name="c"/></testsuite>',
        )
        .end(),
    ).toThrow('JUnit report has more than 2 tests');
  });

  it('takes the first failure text when the failure has no message attribute, capped', () => {
    const run = parseJunit(`<testsuite>
<testcase name="a"><failure><![CDATA[first line
${'y'.repeat(5000)}]]></failure></testcase>
<testcase name="a"><error message="second"/></testcase>
</testsuite>`);
    expect(run.cases[0].message?.startsWith('first line\nyyy')).toBe(true);
    expect(run.cases[0].message).toHaveLength(4000);
    expect(run.cases[0]).toEqual(
      expect.objectContaining({ outcome: 'failed', attempts: 2 }),
    );
  });
});
