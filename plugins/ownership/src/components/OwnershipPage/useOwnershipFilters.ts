import { useUrlParams } from '@internal/frontend-common';

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
export function useOwnershipFilters(): {
  filters: OwnershipFilters;
  update: (patch: OwnershipFilters) => void;
} {
  const { params, update } = useUrlParams();
  const filters: OwnershipFilters = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return { filters, update };
}
