import { parseEntityRef } from '@backstage/catalog-model';

/** The scaffolder template that creates environments (examples/templates/environment). */
export const ENVIRONMENT_TEMPLATE = {
  namespace: 'default',
  name: 'environment',
};

/** The template's form, optionally filled in (the scaffolder reads `?formData=`). */
export function createEnvironmentPath(formData?: Record<string, string>) {
  const path = `/create/templates/${ENVIRONMENT_TEMPLATE.namespace}/${ENVIRONMENT_TEMPLATE.name}`;
  return formData
    ? `${path}?${new URLSearchParams({
        formData: JSON.stringify(formData),
      }).toString()}`
    : path;
}

/** The catalog page of an entity ref (`kind:namespace/name`), kind lowercased. */
export function entityPath(entityRef: string): string | undefined {
  try {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
      kind.toLocaleLowerCase('en-US'),
    )}/${encodeURIComponent(name)}`;
  } catch {
    return undefined;
  }
}

/** `group:default/payments-team` reads as `payments-team`; other namespaces stay visible. */
export function shortRef(entityRef: string): string {
  try {
    const { namespace, name } = parseEntityRef(entityRef);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return entityRef;
  }
}
