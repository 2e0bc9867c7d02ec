/** A zod issue path as a field name: `facts[1].value`, appended to `base` when given. */
export function fieldPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out = `${out}[${key}]`;
    else out = out ? `${out}.${String(key)}` : String(key);
  }
  return out;
}
