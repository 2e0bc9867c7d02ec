import { InputError } from '@backstage/errors';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TestCaseInput } from '../database/IngestStore';

export type ParsedTestRun = {
  startedAt?: Date;
  durationSeconds: number;
  tests: number;
  failures: number;
  skipped: number;
  flakyTests: number;
  cases: TestCaseInput[];
};

const LISTS = new Set([
  'testsuite',
  'testcase',
  'failure',
  'error',
  'skipped',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
  'property',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: name => LISTS.has(name),
  processEntities: true,
});

type Node = Record<string, any>;
type Attempt = { outcome: 'passed' | 'failed' | 'skipped'; node: Node };

/**
 * A JUnit XML report (Maven Surefire, pytest, jest-junit, Gradle, Playwright...) as one test
 * run. A test that appears more than once (a runner's retries) and failed before it passed is
 * flaky, as is one Surefire reports with flakyFailure/flakyError or one marked with a
 * `flaky` property. Malformed XML is a 400 carrying the parser's message.
 */
export function parseJunit(xml: string): ParsedTestRun {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new InputError(
      `Malformed JUnit XML: ${msg} (line ${line}, column ${col})`,
    );
  }
  const doc = parser.parse(xml) as Node;
  const root =
    doc.testsuites ??
    (doc.testsuite ? { testsuite: doc.testsuite } : undefined);
  if (!root || typeof root !== 'object')
    throw new InputError(
      'Malformed JUnit XML: the root element must be <testsuites> or <testsuite>',
    );
  const suites = flattenSuites(root.testsuite ?? []);

  const attempts = new Map<
    string,
    { suite: string; name: string; list: Attempt[] }
  >();
  let caseSeconds = 0;
  let suiteSeconds = 0;
  let startedAt: Date | undefined;
  for (const suite of suites) {
    suiteSeconds += seconds(suite.time);
    const stamp = timestamp(suite.timestamp);
    if (stamp && (!startedAt || stamp < startedAt)) startedAt = stamp;
    for (const tc of suite.testcase ?? []) {
      const node: Node = typeof tc === 'object' ? tc : {};
      const suiteName = String(node.classname ?? suite.name ?? '');
      const name = String(node.name ?? '');
      const key = `${suiteName}\u0000${name}`;
      caseSeconds += seconds(node.time);
      const entry = attempts.get(key) ?? { suite: suiteName, name, list: [] };
      entry.list.push({ outcome: outcomeOf(node), node });
      attempts.set(key, entry);
    }
  }

  const cases: TestCaseInput[] = [...attempts.values()].map(
    ({ suite, name, list }) => {
      const last = list[list.length - 1];
      const failedThenPassed = list.some(
        (a, i) =>
          a.outcome === 'failed' &&
          list.slice(i + 1).some(b => b.outcome === 'passed'),
      );
      const marked = list.some(
        a =>
          a.outcome === 'passed' &&
          (a.node.flakyFailure || a.node.flakyError || flakyProperty(a.node)),
      );
      let outcome: TestCaseInput['outcome'] = last.outcome;
      if (failedThenPassed || (marked && last.outcome === 'passed'))
        outcome = 'flaky';
      const reruns = list.reduce(
        (n, a) =>
          n +
          (a.node.flakyFailure?.length ?? 0) +
          (a.node.flakyError?.length ?? 0) +
          (a.node.rerunFailure?.length ?? 0) +
          (a.node.rerunError?.length ?? 0),
        0,
      );
      const failure = list.find(a => a.outcome === 'failed')?.node;
      return {
        suite,
        name,
        outcome,
        attempts: list.length + reruns,
        durationSeconds: list.reduce((n, a) => n + seconds(a.node.time), 0),
        message: failure ? messageOf(failure) : undefined,
      };
    },
  );

  const total = seconds(root.time);
  const count = (o: TestCaseInput['outcome']) =>
    cases.filter(c => c.outcome === o).length;
  return {
    startedAt,
    durationSeconds: total || suiteSeconds || caseSeconds,
    tests: cases.length,
    failures: count('failed'),
    skipped: count('skipped'),
    flakyTests: count('flaky'),
    cases,
  };
}

/** Suites may nest (jest-junit does not, Gradle and some Ant reports do). */
function flattenSuites(suites: Node[]): Node[] {
  return suites.flatMap(s =>
    typeof s === 'object' ? [s, ...flattenSuites(s.testsuite ?? [])] : [],
  );
}

function outcomeOf(node: Node): Attempt['outcome'] {
  if (node.failure || node.error) return 'failed';
  if (node.skipped) return 'skipped';
  return 'passed';
}

function flakyProperty(node: Node): boolean {
  const props: Node[] = node.properties?.property ?? [];
  return props.some(
    p => String(p.name).toLowerCase() === 'flaky' && String(p.value) === 'true',
  );
}

function messageOf(node: Node): string | undefined {
  const f = (node.failure ?? node.error)?.[0];
  if (f === undefined) return undefined;
  if (typeof f === 'string') return f;
  return String(f.message ?? f['#text'] ?? '');
}

function seconds(value: unknown): number {
  const n = Number(String(value ?? '').replace(/,/g, ''));
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** JUnit timestamps usually carry no zone: they are read as UTC. */
function timestamp(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
