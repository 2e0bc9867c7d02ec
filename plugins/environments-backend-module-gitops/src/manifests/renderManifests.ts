import { DriverEnvironment } from '@internal/plugin-environments-node';
import { GitopsParameters } from '../parameters';
import { parseCpu, parseMemory } from './quantities';

/** One Kubernetes object as it is written to the repository. */
export type KubernetesManifest = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
};

export type ManifestRenderInput = {
  environment: DriverEnvironment;
  /** The namespace name (prefix + environment name). */
  namespace: string;
  parameters: GitopsParameters;
};

/** Turns an environment into the objects committed for it. */
export type ManifestRenderer = (
  input: ManifestRenderInput,
) => KubernetesManifest[];

/** Runway's own label and annotation keys live under one prefix (docs/annotations.md). */
const PREFIX = 'runway.dev';

/** Defaults for containers that set no resources, never above the namespace's quota. */
const CONTAINER_DEFAULT_LIMIT = { cpu: '500m', memory: '512Mi' };
const CONTAINER_DEFAULT_REQUEST = { cpu: '100m', memory: '128Mi' };

/**
 * The environment's namespace with its quota, container defaults, a default-deny ingress
 * policy (same-namespace traffic allowed) and a ConfigMap of its plain configuration.
 */
export const renderEnvironmentManifests: ManifestRenderer = ({
  environment,
  namespace,
  parameters,
}) => {
  const common = {
    'app.kubernetes.io/managed-by': 'runway',
    [`${PREFIX}/environment`]: environment.name,
  };
  const meta = (name: string) => ({ name, namespace, labels: common });
  const cpuLimit = smaller(
    parameters.cpu,
    CONTAINER_DEFAULT_LIMIT.cpu,
    parseCpu,
  );
  const memoryLimit = smaller(
    parameters.memory,
    CONTAINER_DEFAULT_LIMIT.memory,
    parseMemory,
  );
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: {
          ...common,
          [`${PREFIX}/owner`]: labelValue(entityName(environment.owner)),
          [`${PREFIX}/class`]: labelValue(environment.className),
        },
        annotations: {
          [`${PREFIX}/owner`]: environment.owner,
          [`${PREFIX}/environment-id`]: environment.id,
          [`${PREFIX}/expires-at`]: environment.expiresAt,
          ...(environment.component
            ? { [`${PREFIX}/component`]: environment.component }
            : {}),
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: meta('environment-quota'),
      spec: {
        hard: {
          'requests.cpu': parameters.cpu,
          'limits.cpu': parameters.cpu,
          'requests.memory': parameters.memory,
          'limits.memory': parameters.memory,
          pods: String(parameters.pods),
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: meta('container-defaults'),
      spec: {
        limits: [
          {
            type: 'Container',
            default: { cpu: cpuLimit, memory: memoryLimit },
            defaultRequest: {
              cpu: smaller(cpuLimit, CONTAINER_DEFAULT_REQUEST.cpu, parseCpu),
              memory: smaller(
                memoryLimit,
                CONTAINER_DEFAULT_REQUEST.memory,
                parseMemory,
              ),
            },
          },
        ],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('default-deny-ingress'),
      spec: {
        // Every pod of the namespace; ingress only from pods of the same namespace.
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: {} }] }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('environment-config'),
      data: Object.fromEntries(
        Object.entries(environment.config).sort(([a], [b]) =>
          a.localeCompare(b),
        ),
      ),
    },
  ];
};

function smaller(
  a: string,
  b: string,
  parse: (value: string) => number | undefined,
): string {
  return (parse(a) ?? Infinity) <= (parse(b) ?? Infinity) ? a : b;
}

/** `group:default/payments-team` -> `payments-team`. */
function entityName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1).replace(/^[a-z]+:/i, '');
}

/** A label value: at most 63 of [A-Za-z0-9-_.], alphanumeric at both ends. */
function labelValue(value: string): string {
  return value
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}
