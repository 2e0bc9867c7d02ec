import {
  ConfigMap,
  LimitRange,
  Namespace,
  ResourceQuota,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import {
  Role,
  RoleBinding,
} from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { KubernetesManifest } from './renderManifests';

/**
 * The kinds a renderer may produce, each with its schema (kubernetes-models: the OpenAPI
 * schemas of the Kubernetes API, compiled to validators). A kind without a schema here is
 * refused rather than committed unchecked.
 */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ResourceQuota': ResourceQuota,
  'v1/LimitRange': LimitRange,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/**
 * Problems with the manifests as `<Kind> <name>: <field> <problem>`, empty when every one
 * passes its Kubernetes schema and the API server's rules for names, labels and keys (which
 * the OpenAPI schemas do not carry).
 */
export function validateManifests(manifests: KubernetesManifest[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const manifest of manifests) {
    const name = manifest?.metadata?.name;
    const subject = `${manifest?.kind ?? 'object'} ${name ?? '(no name)'}`;
    const Model = MODELS[`${manifest?.apiVersion}/${manifest?.kind}`];
    if (!Model) {
      problems.push(
        `${subject}: apiVersion ${manifest?.apiVersion} kind ${
          manifest?.kind
        } has no schema here (known: ${Object.keys(MODELS).join(', ')})`,
      );
      continue;
    }
    try {
      new Model(manifest).validate();
    } catch (error) {
      problems.push(...schemaProblems(subject, error));
    }
    const key = `${manifest.kind}/${name}`;
    if (seen.has(key)) {
      problems.push(`${subject}: rendered twice`);
    }
    seen.add(key);
    problems.push(...metadataProblems(subject, manifest));
  }
  return problems;
}

function schemaProblems(subject: string, error: unknown): string[] {
  const errors = (
    error as {
      errors?: { instancePath: string; message?: string; keyword: string }[];
    }
  ).errors;
  if (!errors?.length) {
    return [`${subject}: ${(error as Error).message}`];
  }
  const byField = new Map<string, string[]>();
  for (const e of errors) {
    // "must match exactly one schema in oneOf" only repeats the alternatives' messages.
    if (e.keyword === 'oneOf') {
      continue;
    }
    const field =
      e.instancePath.replace(/^\//, '').split('/').join('.') || '(root)';
    byField.set(field, [...(byField.get(field) ?? []), e.message ?? 'invalid']);
  }
  return [...byField].map(
    ([field, messages]) => `${subject}: ${field} ${messages.join(' or ')}`,
  );
}

function metadataProblems(
  subject: string,
  manifest: KubernetesManifest,
): string[] {
  const problems: string[] = [];
  const { name, namespace, labels = {}, annotations = {} } = manifest.metadata;
  const namePattern = manifest.kind === 'Namespace' ? DNS_LABEL : DNS_SUBDOMAIN;
  if (typeof name !== 'string' || !namePattern.test(name)) {
    problems.push(
      `${subject}: metadata.name must be a DNS-1123 ${
        manifest.kind === 'Namespace' ? 'label' : 'subdomain'
      }`,
    );
  }
  if (namespace !== undefined && !DNS_LABEL.test(namespace)) {
    problems.push(`${subject}: metadata.namespace must be a DNS-1123 label`);
  }
  for (const [key, value] of Object.entries(labels)) {
    if (!QUALIFIED_NAME.test(key)) {
      problems.push(`${subject}: metadata.labels["${key}"] is not a valid key`);
    }
    if (typeof value !== 'string' || !LABEL_VALUE.test(value)) {
      problems.push(
        `${subject}: metadata.labels["${key}"] value ${JSON.stringify(
          value,
        )} is not a valid label value`,
      );
    }
  }
  for (const key of Object.keys(annotations)) {
    if (!QUALIFIED_NAME.test(key)) {
      problems.push(
        `${subject}: metadata.annotations["${key}"] is not a valid key`,
      );
    }
  }
  if (manifest.kind === 'ConfigMap' || manifest.kind === 'Secret') {
    const data = (manifest.data ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(data)) {
      if (!CONFIG_KEY.test(key)) {
        problems.push(
          `${subject}: data["${key}"] is not a valid key (letters, digits, - _ .)`,
        );
      }
    }
  }
  return problems;
}
