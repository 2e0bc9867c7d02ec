import { parseEntityRef } from '@backstage/catalog-model';

/** The catalog page of an entity ref (`kind:namespace/name`), kind lowercased. */
export function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

/** The entity's Readiness tab. */
export function readinessTabPath(entityRef: string): string {
  return `${entityPath(entityRef)}/readiness`;
}

/** The overview page filtered to one owner. */
export function overviewPathForOwner(ownerRef: string): string {
  return `/readiness?${new URLSearchParams({ owner: ownerRef }).toString()}`;
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
