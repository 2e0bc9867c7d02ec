import { useApi } from '@backstage/frontend-plugin-api';
import { useAsync } from '@internal/frontend-common';
import { environmentsApiRef } from '../api/environmentsApiRef';
import { loadClasses } from './classes';

/** The platform team's classes, as the form's fields show them. */
export function useEnvironmentClasses() {
  const api = useApi(environmentsApiRef);
  return useAsync(() => loadClasses(api), 'classes');
}
