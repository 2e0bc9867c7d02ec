import { Config } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  ConfigMap,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import YAML from 'yaml';

export const root = path.resolve(__dirname, '../../../../..');

/** A rendered object, as `kubectl kustomize` prints it. */
export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  [field: string]: any;
};

/**
 * The kubectl that renders the kustomizations: $KUBECTL, else `kubectl` on the PATH, if it
 * answers `kubectl version --client` (which also names its kustomize). Undefined when none does.
 */
export function findKubectl():
  | { command: string; version: string }
  | undefined {
  const command = process.env.KUBECTL || 'kubectl';
  try {
    const version = execFileSync(command, ['version', '--client'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { command, version: version.trim().replace(/\n/g, '; ') };
  } catch {
    return undefined;
  }
}

/** Every object `kubectl kustomize <folder>` renders (folder relative to the repository). */
export function renderKustomization(
  kubectl: string,
  folder: string,
): KubernetesObject[] {
  const output = execFileSync(kubectl, ['kustomize', path.join(root, folder)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return YAML.parseAllDocuments(output)
    .map(document => document.toJS())
    .filter(Boolean);
}

/**
 * The kinds the manifests may hold, each with its schema (kubernetes-models: the Kubernetes
 * API's OpenAPI schemas compiled to validators), as the GitOps drivers validate theirs. A kind
 * without a schema here is a problem, not a pass.
 */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/** Schema problems as `<Kind> <name>: <field> <message>`, empty when every object passes. */
export function schemaProblems(objects: KubernetesObject[]): string[] {
  const problems: string[] = [];
  for (const object of objects) {
    const subject = `${object.kind} ${object.metadata?.name}`;
    const Model = MODELS[`${object.apiVersion}/${object.kind}`];
    if (!Model) {
      problems.push(`${subject}: no schema for ${object.apiVersion}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      const errors: { instancePath: string; message?: string }[] =
        (error as { errors?: [] }).errors ?? [];
      problems.push(
        ...(errors.length
          ? errors.map(e => `${subject}: ${e.instancePath} ${e.message}`)
          : [`${subject}: ${(error as Error).message}`]),
      );
    }
  }
  return problems;
}

/** The one object of a kind (and name prefix: generated names end in a content hash). */
export function only(
  objects: KubernetesObject[],
  kind: string,
  name?: string,
): KubernetesObject {
  const found = objects.filter(
    o =>
      o.kind === kind &&
      (name === undefined ||
        o.metadata.name === name ||
        o.metadata.name.startsWith(`${name}-`)),
  );
  if (found.length !== 1) {
    throw new Error(
      `expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`,
    );
  }
  return found[0];
}

/** Whether a label selector (matchLabels and matchExpressions) selects these labels. */
export function selects(
  selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  },
  labels: Record<string, string> = {},
): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const byExpression = (selector.matchExpressions ?? []).every(e => {
    switch (e.operator) {
      case 'In':
        return e.values!.includes(labels[e.key]);
      case 'NotIn':
        return !e.values!.includes(labels[e.key]);
      case 'Exists':
        return e.key in labels;
      case 'DoesNotExist':
        return !(e.key in labels);
      default:
        return false;
    }
  });
  const empty =
    !Object.keys(selector.matchLabels ?? {}).length &&
    !(selector.matchExpressions ?? []).length;
  return byLabel && byExpression && !empty;
}

/**
 * The variables a container gets from its `envFrom`: the ConfigMaps' and the Secrets' (decoded)
 * keys, by the object they come from. A reference to an object that was not rendered throws.
 */
export function environmentOf(
  objects: KubernetesObject[],
  container: { envFrom?: any[]; env?: any[] },
): { configMap: Record<string, string>; secret: Record<string, string> } {
  const configMap: Record<string, string> = {};
  const secret: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    const kind = source.configMapRef ? 'ConfigMap' : 'Secret';
    const object = objects.find(
      o => o.kind === kind && o.metadata.name === ref?.name,
    );
    if (!object) {
      throw new Error(
        `envFrom names ${kind} ${ref?.name}, which is not rendered`,
      );
    }
    if (kind === 'ConfigMap') {
      Object.assign(configMap, object.data);
    } else {
      Object.assign(
        secret,
        Object.fromEntries(
          Object.entries(object.data ?? {}).map(([key, value]) => [
            key,
            Buffer.from(String(value), 'base64').toString('utf8'),
          ]),
        ),
        object.stringData,
      );
    }
  }
  return { configMap, secret };
}

/** Every `${VAR}` a config file substitutes from the environment (`$${...}` is an escape). */
export function variablesReadBy(file: string): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(
        /(?<!\$)\$\{\s*([A-Za-z0-9_]+)\s*\}/g,
      )) {
        found.add(match[1]);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(YAML.parse(fs.readFileSync(path.join(root, file), 'utf8')));
  return [...found].sort();
}

/**
 * The configuration a container with these arguments and this environment reads, as the
 * backend's root config service reads it: the `--config` files (relative to the image's
 * working directory, the repository root here), `${VAR}`s from the environment, and
 * `APP_CONFIG_*` variables over both.
 */
export async function configOf(
  args: string[],
  env: Record<string, string>,
): Promise<Config> {
  const config = await ConfigSources.toConfig(
    ConfigSources.default({
      rootDir: root,
      argv: args.map((arg, i) =>
        args[i - 1] === '--config' ? path.join(root, arg) : arg,
      ),
      env,
      substitutionFunc: async name => env[name],
    }),
  );
  config.close();
  return config;
}

/** MiB in a Kubernetes memory quantity (`1536Mi`, `1.5Gi`, `1G`, `1610612736`). */
export function mebibytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity);
  if (!match) {
    throw new Error(`not a memory quantity: ${quantity}`);
  }
  const factor: Record<string, number> = {
    '': 1,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
  };
  return (Number(match[1]) * factor[match[2] ?? '']) / 1024 ** 2;
}

/**
 * The backend plugins packages/backend adds (modules share their plugin's database): each may
 * hold a connection pool of its own.
 */
export function backendPlugins(): string[] {
  const index = fs.readFileSync(
    path.join(root, 'packages/backend/src/index.ts'),
    'utf8',
  );
  const packages = [
    ...index.matchAll(/backend\.add\(\s*import\('([^']+)'\)/g),
  ].map(m => m[1]);
  return packages.filter(name => {
    const manifest = JSON.parse(
      fs.readFileSync(
        path.join(root, 'node_modules', name, 'package.json'),
        'utf8',
      ),
    );
    return manifest.backstage?.role === 'backend-plugin';
  });
}
