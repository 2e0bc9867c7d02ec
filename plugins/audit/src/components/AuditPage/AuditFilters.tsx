import { useEffect, useState } from 'react';
import { DateRangePicker, Select, TextField } from '@backstage/ui';
import { parseDate } from '@internationalized/date';
import { AUDIT_EVENT_STATUSES } from '@internal/plugin-audit-common';
import styles from './AuditPage.module.css';
import { AuditFilters as Filters, TIME_RANGES } from './useAuditFilters';

const ALL = 'all';
const DAYS = 'days';

/** Plugins that audit in Runway; others appear once one of their events is loaded. */
const KNOWN_PLUGINS = [
  'catalog',
  'scaffolder',
  'environments',
  'delivery',
  'readiness',
  'ownership',
];

type Option = { id: string; label: string };

const FilterSelect = (props: {
  label: string;
  allLabel: string;
  options: Option[];
  value?: string;
  onChange: (value: string | undefined) => void;
}) => (
  <div className={styles.filter}>
    <Select
      label={props.label}
      options={[{ id: ALL, label: props.allLabel }, ...props.options]}
      value={props.value ?? ALL}
      onChange={key =>
        props.onChange(key === null || key === ALL ? undefined : String(key))
      }
    />
  </div>
);

/** A text filter that reaches the URL (and the API) once typing pauses. */
const TextFilter = (props: {
  label: string;
  placeholder: string;
  value?: string;
  onChange: (value: string | undefined) => void;
}) => {
  const { value, onChange } = props;
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (value ?? '')) return undefined;
    const timer = setTimeout(() => onChange(trimmed || undefined), 400);
    return () => clearTimeout(timer);
    // onChange is a new function each render; the text is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, value]);
  return (
    <div className={styles.filter}>
      <TextField
        label={props.label}
        placeholder={props.placeholder}
        value={text}
        onChange={setText}
      />
    </div>
  );
};

function dateValue(day?: string) {
  try {
    return day ? parseDate(day) : undefined;
  } catch {
    return undefined;
  }
}

/** Plugin, actor, target, status and time, combined with AND. */
export const AuditFilters = ({
  filters,
  plugins,
  onChange,
}: {
  filters: Filters;
  /** Plugins seen in the loaded events. */
  plugins: string[];
  onChange: (patch: Filters) => void;
}) => {
  const pluginIds = [
    ...new Set([
      ...KNOWN_PLUGINS,
      ...plugins,
      ...(filters.plugin ? [filters.plugin] : []),
    ]),
  ].sort();
  const [pickingDays, setPickingDays] = useState(false);
  const showDays = pickingDays || Boolean(filters.from || filters.to);
  const rangeValue = filters.range ?? (showDays ? DAYS : undefined);
  const start = dateValue(filters.from);
  const end = dateValue(filters.to);

  return (
    <div className={styles.filters} role="group" aria-label="Filters">
      <FilterSelect
        label="Plugin"
        allLabel="All plugins"
        options={pluginIds.map(p => ({ id: p, label: p }))}
        value={filters.plugin}
        onChange={plugin => onChange({ plugin })}
      />
      <TextFilter
        label="Actor"
        placeholder="user:default/jane"
        value={filters.actor}
        onChange={actor => onChange({ actor })}
      />
      <TextFilter
        label="Target"
        placeholder="entity ref, name or id"
        value={filters.target}
        onChange={target => onChange({ target })}
      />
      <FilterSelect
        label="Status"
        allLabel="Any status"
        options={AUDIT_EVENT_STATUSES.map(s => ({ id: s, label: s }))}
        value={filters.status}
        onChange={status => onChange({ status })}
      />
      <FilterSelect
        label="Time"
        allLabel="Any time"
        options={[
          ...TIME_RANGES.map(r => ({ id: r.id, label: r.label })),
          { id: DAYS, label: 'Between dates' },
        ]}
        value={rangeValue}
        onChange={range => {
          setPickingDays(range === DAYS);
          onChange(
            range === DAYS
              ? { range: undefined }
              : { range, from: undefined, to: undefined },
          );
        }}
      />
      {showDays && !filters.range && (
        <DateRangePicker
          label="Days"
          value={start && end ? { start, end } : null}
          onChange={value =>
            onChange({
              from: value?.start.toString(),
              to: value?.end.toString(),
            })
          }
        />
      )}
    </div>
  );
};
