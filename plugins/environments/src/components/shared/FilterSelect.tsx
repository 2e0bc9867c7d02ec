import { Select } from '@backstage/ui';
import styles from './shared.module.css';

const ALL = '__all__';

export type Option = { id: string; label: string };

/** A single-choice filter with an "All" entry that clears it. */
export const FilterSelect = ({
  label,
  allLabel,
  options,
  value,
  onChange,
}: {
  label: string;
  /** The entry that clears the filter; without it the select always has a value. */
  allLabel?: string;
  options: Option[];
  value?: string;
  onChange: (value: string | undefined) => void;
}) => {
  const all = allLabel ? [{ id: ALL, label: allLabel }] : [];
  const current =
    !value || options.some(o => o.id === value)
      ? options
      : [...options, { id: value, label: value }];
  return (
    <div className={styles.filter}>
      <Select
        label={label}
        options={[...all, ...current]}
        value={value ?? ALL}
        onChange={key =>
          onChange(key === null || key === ALL ? undefined : String(key))
        }
        search={
          current.length > 10
            ? { placeholder: `Find ${label.toLowerCase()}` }
            : undefined
        }
      />
    </div>
  );
};
