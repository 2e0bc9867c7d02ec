import { useSearchParams } from 'react-router-dom';

export type OwnershipFilters = {
  team?: string;
  problem?: string;
  kind?: string;
  lifecycle?: string;
};

const KEYS: Array<keyof OwnershipFilters> = [
  'team',
  'problem',
  'kind',
  'lifecycle',
];

/** The filters live in the URL, so a filtered view can be linked and survives a reload. */
export function useOwnershipFilters() {
  const [params, setParams] = useSearchParams();
  const filters: OwnershipFilters = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const update = (patch: OwnershipFilters) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return { filters, update };
}
