import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * `component:default/payments-api` from a full ref or a bare name (a Component in the default
 * namespace), lower-cased as the catalog compares refs.
 */
export function serviceRefOf(value: string, field = 'service'): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(`Invalid ${field}: "${value}" is not an entity ref`);
  }
}

export function groupRefOf(value: string, field = 'team'): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(`Invalid ${field}: "${value}" is not an entity ref`);
  }
}
