import { InputError } from '@backstage/errors';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { TestCaseInput } from '../database/IngestStore';
import { readSeconds, readTimestamp } from './attributes';

export type ParsedTestRun = {
  /** The earliest `<testsuite timestamp>`, when any suite has one. */
  startedAt?: Date;
  durationSeconds: number;
  tests: number;
  failures: number;
  skipped: number;
  flakyTests: number;
  cases: TestCaseInput[];
};

export type JunitLimits = {
  /** Suite timestamps must fall within [earliest, latest]. */
  earliest: Date;
  latest: Date;
  /** Distinct tests in one report; default 500,000. */
  maxTests?: number;
};

export const SUITE_PATH_SEPARATOR = ' › ';
const MAX_DEPTH = 64;
const MAX_NAME_LENGTH = 4000;
const MAX_MESSAGE_LENGTH = 4000;
const DEFAULT_MAX_TESTS = 500_000;

type Outcome = 'passed' | 'failed' | 'skipped';
type Suite = {
  name: string;
  hostname: string;
  ownSeconds?: number;
  childSeconds: number;
  /** The tests of this suite path (and hosts), by classname then name: shared by suites alike. */
  tests: Map<string, Map<string, Test>>;
  /** The suite path, joined once for all its cases. */
  path: string;
  /** The path and hosts: suites alike share their tests. */
  key: string;
};
/** A test while it is read; it becomes its own TestCaseInput at the end (one object per test). */
type Test = TestCaseInput & {
  last: Outcome;
  failedBefore: boolean;
  passedAfterFailure: boolean;
  marked: boolean;
  message?: string;
};
type Attempt = {
  test: Test;
  outcome: Outcome;
  depth: number;
  /** The failure text being read, when the failure has no message attribute. */
  text?: string;
  readingText: boolean;
};

/**
 * A JUnit XML report (Surefire, Gradle, pytest, jest-junit, mocha, Go, PHPUnit, nextest,
 * Bazel, ...) read as a stream, one test run. Definitions (docs/delivery.md):
 * - a test is its suite path (the names of the enclosing `<testsuite>` elements), classname and
 *   name, within the hosts of those suites; each `<testcase>` is one attempt of it, and the
 *   last attempt decides its outcome;
 * - a test is flaky when a failed attempt is followed by a passed one, or when it passed and a
 *   runner marked it (`flakyFailure`, `flakyError`, a `flaky` property);
 * - the run's duration is `<testsuites time>`, else the sum of its suites' durations, where a
 *   suite's duration is its own `time`, else the sum of its child suites' and its cases'.
 * DOCTYPEs (and so entity declarations), nesting deeper than 64 elements, a time that is not a
 * number of seconds, a timestamp outside the limits and over-long names are a 400 naming the
 * element and its line.
 */
export class JunitReader {
  private readonly parser = new SaxesParser<{ xmlns: false }>({
    xmlns: false,
  });
  /** Every test in document order of its first attempt; its key is its suite's maps. */
  private readonly tests: Test[] = [];
  /** Suite path and hosts -> that path's tests. */
  private readonly paths = new Map<string, Map<string, Map<string, Test>>>();
  private readonly topLevel = new Map<string, Map<string, Test>>();
  private readonly suites: Suite[] = [];
  private depth = 0;
  private rootSeconds?: number;
  private topLevelSeconds = 0;
  private startedAt?: Date;
  private attempt?: Attempt;
  private property = false;

  constructor(private readonly limits: JunitLimits) {
    this.parser.on('doctype', () => {
      throw this.error(
        'a DOCTYPE is not accepted in a JUnit report (entity declarations are refused)',
      );
    });
    this.parser.on('opentag', tag => this.open(tag));
    this.parser.on('closetag', tag => this.close(tag));
    this.parser.on('text', text => this.text(text));
    this.parser.on('cdata', text => this.text(text));
    this.parser.on('error', e => {
      throw new InputError(`Malformed JUnit XML: ${e.message}`);
    });
  }

  write(text: string): this {
    if (text) this.parser.write(text);
    return this;
  }

  end(): ParsedTestRun {
    this.parser.close();
    const cases: TestCaseInput[] = this.tests;
    let failures = 0;
    let skipped = 0;
    let flakyTests = 0;
    for (const t of this.tests) {
      const flaky = t.passedAfterFailure || (t.marked && t.last === 'passed');
      t.outcome = flaky ? 'flaky' : t.last;
      if (t.outcome === 'failed') failures++;
      else if (t.outcome === 'skipped') skipped++;
      else if (t.outcome === 'flaky') flakyTests++;
    }
    return {
      startedAt: this.startedAt,
      durationSeconds: round(this.rootSeconds ?? this.topLevelSeconds),
      tests: cases.length,
      failures,
      skipped,
      flakyTests,
      cases,
    };
  }

  private open(tag: SaxesTagPlain) {
    this.depth++;
    if (this.depth > MAX_DEPTH)
      throw this.error(`elements nest deeper than ${MAX_DEPTH} levels`);
    const name = tag.name;
    if (this.depth === 1) {
      if (name !== 'testsuites' && name !== 'testsuite')
        throw new InputError(
          `Malformed JUnit XML: the root element must be <testsuites> or <testsuite>, not <${name}>`,
        );
      if (name === 'testsuites')
        this.rootSeconds = this.seconds(tag, 'testsuites');
    }
    const attempt = this.attempt;
    if (name === 'testsuite') this.openSuite(tag);
    else if (name === 'testcase') this.openCase(tag);
    else if (!attempt) return;
    else if (this.depth === attempt.depth + 1) this.openCaseChild(attempt, tag);
    else if (name === 'property' && this.property) {
      const attrs = tag.attributes;
      if (
        String(attrs.name ?? '').toLowerCase() === 'flaky' &&
        attrs.value === 'true'
      )
        attempt.test.marked = true;
    }
  }

  private openSuite(tag: SaxesTagPlain) {
    const stamp = readTimestamp(tag.attributes.timestamp, this.limits, () =>
      this.where('testsuite'),
    );
    if (stamp && (!this.startedAt || stamp < this.startedAt))
      this.startedAt = stamp;
    const name = this.text_(tag, 'name', 'testsuite');
    const hostname = this.text_(tag, 'hostname', 'testsuite');
    const parent = this.suites[this.suites.length - 1];
    const path = parent ? `${parent.path}${SUITE_PATH_SEPARATOR}${name}` : name;
    // Suites of the same name on different hosts (Playwright writes a project as the
    // hostname) hold different tests; the host is not part of the stored suite path.
    const key = `${parent?.key ?? ''}\u0000${name}\u0001${hostname}`;
    let tests = this.paths.get(key);
    if (!tests) {
      tests = new Map();
      this.paths.set(key, tests);
    }
    this.suites.push({
      name,
      hostname,
      ownSeconds: this.seconds(tag, 'testsuite'),
      childSeconds: 0,
      tests,
      path,
      key,
    });
  }

  private openCase(tag: SaxesTagPlain) {
    if (this.attempt)
      throw this.error('a <testcase> inside another <testcase>');
    const parent = this.suites[this.suites.length - 1];
    const classname = this.text_(tag, 'classname', 'testcase');
    const name = this.text_(tag, 'name', 'testcase');
    const seconds = this.seconds(tag, 'testcase') ?? 0;
    // Maps by classname then name: no key string is built per case.
    const byClass = parent?.tests ?? this.topLevel;
    let byName = byClass.get(classname);
    if (!byName) {
      byName = new Map();
      byClass.set(classname, byName);
    }
    let test = byName.get(name);
    if (!test) {
      const max = this.limits.maxTests ?? DEFAULT_MAX_TESTS;
      if (this.tests.length >= max)
        throw new InputError(
          `JUnit report has more than ${max.toLocaleString('en-US')} tests`,
        );
      test = {
        suite: parent?.path ?? '',
        classname,
        name,
        outcome: 'passed',
        attempts: 0,
        durationSeconds: 0,
        last: 'passed',
        failedBefore: false,
        passedAfterFailure: false,
        marked: false,
      };
      byName.set(name, test);
      this.tests.push(test);
    }
    test.attempts++;
    test.durationSeconds += seconds;
    this.addSeconds(seconds);
    this.attempt = {
      test,
      outcome: 'passed',
      depth: this.depth,
      readingText: false,
    };
  }

  private openCaseChild(attempt: Attempt, tag: SaxesTagPlain) {
    const test = attempt.test;
    switch (tag.name) {
      case 'failure':
      case 'error':
        if (attempt.outcome !== 'failed' && !test.failedBefore) {
          const message = tag.attributes.message;
          if (message) test.message = message.slice(0, MAX_MESSAGE_LENGTH);
          else attempt.readingText = true;
        }
        attempt.outcome = 'failed';
        break;
      case 'skipped':
        if (attempt.outcome === 'passed') attempt.outcome = 'skipped';
        break;
      case 'flakyFailure':
      case 'flakyError':
        test.marked = true;
        test.attempts++;
        break;
      case 'rerunFailure':
      case 'rerunError':
        test.attempts++;
        break;
      case 'properties':
        this.property = true;
        break;
      default:
    }
  }

  private close(tag: SaxesTagPlain) {
    const attempt = this.attempt;
    if (attempt && tag.name === 'testcase' && this.depth === attempt.depth) {
      this.closeCase(attempt);
    } else if (attempt && this.depth === attempt.depth + 1) {
      if (attempt.readingText) {
        attempt.readingText = false;
        attempt.test.message = attempt.text?.trim() || undefined;
      }
      if (tag.name === 'properties') this.property = false;
    } else if (tag.name === 'testsuite') {
      const suite = this.suites.pop()!;
      this.addSeconds(suite.ownSeconds ?? suite.childSeconds);
    }
    this.depth--;
  }

  private closeCase(attempt: Attempt) {
    const test = attempt.test;
    if (attempt.outcome === 'failed') test.failedBefore = true;
    if (attempt.outcome === 'passed' && test.failedBefore)
      test.passedAfterFailure = true;
    test.last = attempt.outcome;
    this.attempt = undefined;
  }

  private text(text: string) {
    const attempt = this.attempt;
    if (!attempt?.readingText) return;
    const sofar = attempt.text ?? '';
    if (sofar.length < MAX_MESSAGE_LENGTH)
      attempt.text = sofar + text.slice(0, MAX_MESSAGE_LENGTH - sofar.length);
  }

  /** A case's or a suite's seconds count towards the innermost open suite. */
  private addSeconds(seconds: number) {
    const parent = this.suites[this.suites.length - 1];
    if (parent) parent.childSeconds += seconds;
    else this.topLevelSeconds += seconds;
  }

  private seconds(tag: SaxesTagPlain, element: string): number | undefined {
    return readSeconds(tag.attributes.time, () => this.where(element));
  }

  private text_(tag: SaxesTagPlain, attribute: string, element: string) {
    const value = tag.attributes[attribute] ?? '';
    if (value.length > MAX_NAME_LENGTH)
      throw this.error(
        `<${element}> ${attribute} has ${value.length.toLocaleString(
          'en-US',
        )} characters, at most ${MAX_NAME_LENGTH.toLocaleString(
          'en-US',
        )} are accepted`,
      );
    return value;
  }

  private where(element: string): string {
    return `<${element}> at line ${this.parser.line}`;
  }

  private error(problem: string): InputError {
    return new InputError(
      `Invalid JUnit XML at line ${this.parser.line}: ${problem}`,
    );
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
