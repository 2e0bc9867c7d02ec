import { parseJunit } from './parseJunit';

describe('parseJunit', () => {
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
    ).toThrow(/^Malformed JUnit XML: .*testcase.* \(line 1, column \d+\)$/);
    expect(() => parseJunit('<html><body/></html>')).toThrow(
      'the root element must be <testsuites> or <testsuite>',
    );
  });
});
