/**
 * The subset of Kubernetes quantities the gitops parameters accept: CPU as cores (`2`, `0.5`)
 * or millicores (`500m`), memory as bytes with a binary or decimal suffix (`512Mi`, `4Gi`, `1G`).
 */
const CPU = /^(\d+)(?:\.(\d{1,3}))?$|^(\d+)m$/;
const MEMORY = /^(\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?$/;

const MEMORY_UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** Millicores, or undefined when not a CPU quantity. */
export function parseCpu(value: string): number | undefined {
  const match = CPU.exec(value);
  if (!match) {
    return undefined;
  }
  if (match[3] !== undefined) {
    return Number(match[3]);
  }
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** Bytes, or undefined when not a memory quantity. */
export function parseMemory(value: string): number | undefined {
  const match = MEMORY.exec(value);
  if (!match) {
    return undefined;
  }
  return Number(match[1]) * MEMORY_UNITS[match[2] ?? ''];
}
