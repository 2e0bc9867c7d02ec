/** A fact's value: what providers record and rules compare. */
export type FactValue = string | number | boolean | string[];

export type FactType = 'boolean' | 'number' | 'string' | 'string[]';

/** The declared schema of one fact: every recorded value is validated against it. */
export type FactDeclaration = {
  name: string;
  type: FactType;
  description: string;
  /** Which provider records it: `catalog`, `ci` (pushed), `environments`, `delivery`. */
  source: string;
  unit?: string;
  min?: number;
  max?: number;
  enum?: readonly string[];
  /**
   * How long an observation counts: an older value is treated as missing (checks reading it
   * show missing-data, saying when it was last reported). Unset: a value never goes stale.
   */
  maxAgeDays?: number;
};

/** A fact about one entity, as stored: the latest value and when it was observed. */
export type Fact = {
  entityRef: string;
  name: string;
  value: FactValue;
  source: string;
  observedAt: string;
};

/** Returns why `value` does not fit `declaration`, or undefined when it does. */
export function factValueProblem(
  declaration: FactDeclaration,
  value: unknown,
): string | undefined {
  const { type } = declaration;
  if (type === 'string[]') {
    if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
      return 'must be an array of strings';
    }
    return undefined;
  }
  if (typeof value !== type) return `must be a ${type}`;
  if (type === 'number') {
    const n = value as number;
    if (!Number.isFinite(n)) return 'must be a finite number';
    if (declaration.min !== undefined && n < declaration.min) {
      return `must be at least ${declaration.min}`;
    }
    if (declaration.max !== undefined && n > declaration.max) {
      return `must be at most ${declaration.max}`;
    }
  }
  if (declaration.enum && !declaration.enum.includes(value as string)) {
    return `must be one of ${declaration.enum.join(', ')}`;
  }
  return undefined;
}
