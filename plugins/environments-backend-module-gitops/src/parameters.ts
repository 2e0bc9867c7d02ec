import { JsonObject } from '@backstage/types';
import { GitopsLimits } from './config';
import { parseCpu, parseMemory } from './manifests/quantities';

/** The namespace's quota, as Kubernetes quantities. */
export type GitopsParameters = {
  cpu: string;
  memory: string;
  pods: number;
};

const MIN_CPU_MILLIS = 100;
const MIN_MEMORY_BYTES = 128 * 2 ** 20;
const KNOWN = ['cpu', 'memory', 'pods'];

/** Problems as `parameters.<field>: problem`, empty when the parameters are valid. */
export function validateGitopsParameters(
  parameters: JsonObject,
  limits: GitopsLimits,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(parameters)) {
    if (!KNOWN.includes(key)) {
      problems.push(
        `parameters.${key}: unknown parameter (known: ${KNOWN.join(', ')})`,
      );
    }
  }
  const { cpu, memory, pods } = parameters;
  if (cpu !== undefined) {
    const millis = typeof cpu === 'string' ? parseCpu(cpu) : undefined;
    if (millis === undefined) {
      problems.push(
        `parameters.cpu: ${JSON.stringify(
          cpu,
        )} is not a CPU quantity such as "2" or "500m"`,
      );
    } else if (millis < MIN_CPU_MILLIS || millis > limits.maxCpuMillis) {
      problems.push(
        `parameters.cpu: "${cpu}" must be from 100m to ${limits.maxCpu}`,
      );
    }
  }
  if (memory !== undefined) {
    const bytes = typeof memory === 'string' ? parseMemory(memory) : undefined;
    if (bytes === undefined) {
      problems.push(
        `parameters.memory: ${JSON.stringify(
          memory,
        )} is not a memory quantity such as "512Mi" or "4Gi"`,
      );
    } else if (bytes < MIN_MEMORY_BYTES || bytes > limits.maxMemoryBytes) {
      problems.push(
        `parameters.memory: "${memory}" must be from 128Mi to ${limits.maxMemory}`,
      );
    }
  }
  if (
    pods !== undefined &&
    (typeof pods !== 'number' ||
      !Number.isInteger(pods) ||
      pods < 1 ||
      pods > limits.maxPods)
  ) {
    problems.push(
      `parameters.pods: ${JSON.stringify(
        pods,
      )} must be a whole number from 1 to ${limits.maxPods}`,
    );
  }
  return problems;
}

/** The parameters with defaults (bounded by the limits); throws when they are invalid. */
export function parseGitopsParameters(
  parameters: JsonObject,
  limits: GitopsLimits,
): GitopsParameters {
  const problems = validateGitopsParameters(parameters, limits);
  if (problems.length > 0) {
    throw new Error(`invalid gitops parameters: ${problems.join('; ')}`);
  }
  const defaultCpu = limits.maxCpuMillis < 2000 ? limits.maxCpu : '2';
  const defaultMemory =
    limits.maxMemoryBytes < 4 * 2 ** 30 ? limits.maxMemory : '4Gi';
  return {
    cpu: (parameters.cpu as string | undefined) ?? defaultCpu,
    memory: (parameters.memory as string | undefined) ?? defaultMemory,
    pods:
      (parameters.pods as number | undefined) ?? Math.min(20, limits.maxPods),
  };
}
