import { useEffect, useRef, useState } from 'react';
import { SearchField, Select } from '@backstage/ui';

const ALL = 'all';
const SEARCH_DELAY_MS = 400;

export type Option = { id: string; label: string };

/** A single-choice filter with an "All" entry that clears it. */
export const FilterSelect = ({
  label,
  allLabel,
  options,
  value,
  onChange,
  searchable,
}: {
  label: string;
  allLabel: string;
  options: Option[];
  value?: string;
  onChange: (value: string | undefined) => void;
  searchable?: boolean;
}) => (
  <div style={{ minWidth: 180 }}>
    <Select
      label={label}
      options={[{ id: ALL, label: allLabel }, ...options]}
      value={value ?? ALL}
      onChange={key =>
        onChange(key === null || key === ALL ? undefined : String(key))
      }
      search={
        searchable ? { placeholder: `Find ${label.toLowerCase()}` } : undefined
      }
    />
  </div>
);

/** Searches as the user types, once they pause; Enter searches at once. */
export const DebouncedSearch = ({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) => {
  const [text, setText] = useState(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // Follow the URL when it changes from elsewhere (back button, a link).
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text.trim() === value) return undefined;
    const timer = setTimeout(
      () => onChangeRef.current(text.trim()),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <div style={{ minWidth: 220, flexGrow: 1 }}>
      <SearchField
        label="Search"
        placeholder="Entity name or title"
        value={text}
        onChange={setText}
        onSubmit={submitted => onChange(submitted.trim())}
      />
    </div>
  );
};
