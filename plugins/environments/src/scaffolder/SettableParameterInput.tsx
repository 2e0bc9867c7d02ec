import { useState } from 'react';
import {
  Checkbox,
  CheckboxGroup,
  NumberField,
  Select,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import { SettableParameter } from '@internal/plugin-environments-common';

type Props = {
  name: string;
  spec: SettableParameter;
  /** What the requester set; undefined means the class default. */
  value: unknown;
  /** The class's own value of the parameter, if it has one. */
  classDefault: unknown;
  onChange: (value: unknown) => void;
  isDisabled?: boolean;
};

const CLASS_DEFAULT = '__class-default__';

/** A value as the form shows it: lists joined, maps as `NAME=value`. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length
      ? entries.map(([k, v]) => `${k}=${v}`).join(', ')
      : 'none';
  }
  return String(value);
}

/** The parameter's description, its limits and the class default, in one line. */
export function describeParameter(
  spec: SettableParameter,
  classDefault: unknown,
): string {
  const limits: string[] = [];
  switch (spec.type) {
    case 'string':
      if (spec.maxLength) limits.push(`at most ${spec.maxLength} characters`);
      if (spec.pattern) limits.push(`matching ${spec.pattern}`);
      break;
    case 'integer':
    case 'number':
      if (spec.min !== undefined && spec.max !== undefined)
        limits.push(`from ${spec.min} to ${spec.max}`);
      else if (spec.min !== undefined) limits.push(`at least ${spec.min}`);
      else if (spec.max !== undefined) limits.push(`at most ${spec.max}`);
      if (spec.type === 'integer') limits.push('a whole number');
      break;
    case 'string-list':
      if (spec.maxItems) limits.push(`at most ${spec.maxItems}`);
      if (!spec.enum) limits.push('separated by commas');
      break;
    case 'string-map':
      limits.push('one NAME=value per line');
      if (spec.keyPattern) limits.push(`names matching ${spec.keyPattern}`);
      if (spec.maxEntries) limits.push(`at most ${spec.maxEntries} entries`);
      if (spec.maxValueLength)
        limits.push(`values of at most ${spec.maxValueLength} characters`);
      break;
    default:
      break;
  }
  const parts = [
    spec.description && sentence(spec.description),
    limits.length ? `${capitalise(limits.join(', '))}.` : undefined,
    classDefault === undefined
      ? 'Empty: the class decides.'
      : `Class default: ${formatValue(classDefault)}.`,
  ];
  return parts.filter(Boolean).join(' ');
}

/** A choice among fixed values, with the class default as the first option. */
const Choice = ({
  name,
  spec,
  value,
  classDefault,
  onChange,
  isDisabled,
  choices,
  parse = id => id,
}: Props & {
  choices: Array<[string, string]>;
  parse?: (id: string) => unknown;
}) => (
  <Select
    label={name}
    description={describeParameter(spec, classDefault)}
    isDisabled={isDisabled}
    options={[
      {
        id: CLASS_DEFAULT,
        label:
          classDefault === undefined
            ? 'Class default'
            : `Class default (${formatValue(classDefault)})`,
      },
      ...choices.map(([id, label]) => ({ id, label })),
    ]}
    value={value === undefined ? CLASS_DEFAULT : String(value)}
    onChange={key =>
      onChange(
        key === null || key === CLASS_DEFAULT ? undefined : parse(String(key)),
      )
    }
  />
);

/**
 * A list or map typed as text. The text is kept as typed (a trailing comma or an empty line
 * stays while the person writes); the value is what it parses to.
 */
const TextAs = ({
  name,
  spec,
  value,
  classDefault,
  onChange,
  isDisabled,
  format,
  parse,
  multiline,
}: Props & {
  format: (value: unknown) => string;
  parse: (text: string) => unknown[] | Record<string, string>;
  multiline?: boolean;
}) => {
  const [text, setText] = useState(() => format(value));
  const Field = multiline ? TextAreaField : TextField;
  return (
    <Field
      label={name}
      description={describeParameter(spec, classDefault)}
      isDisabled={isDisabled}
      value={text}
      onChange={next => {
        setText(next);
        const parsed = parse(next);
        onChange(Object.keys(parsed).length ? parsed : undefined);
      }}
    />
  );
};

/** One settable parameter of a class resource, with an input that fits its type. */
export const SettableParameterInput = (props: Props) => {
  const { name, spec, value, classDefault, onChange, isDisabled } = props;
  const description = describeParameter(spec, classDefault);
  const common = { label: name, description, isDisabled };
  switch (spec.type) {
    case 'string':
      return spec.enum ? (
        <Choice {...props} choices={spec.enum.map(v => [v, v])} />
      ) : (
        <TextField
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={text => onChange(text === '' ? undefined : text)}
        />
      );
    case 'integer':
    case 'number':
      return (
        <NumberField
          {...common}
          value={typeof value === 'number' ? value : NaN}
          onChange={n => onChange(Number.isNaN(n) ? undefined : n)}
        />
      );
    case 'boolean':
      return (
        <Choice
          {...props}
          choices={[
            ['true', 'Yes'],
            ['false', 'No'],
          ]}
          parse={id => id === 'true'}
        />
      );
    case 'string-list':
      return spec.enum ? (
        <CheckboxGroup
          label={name}
          description={description}
          isDisabled={isDisabled}
          orientation="horizontal"
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={list => onChange(list.length ? list : undefined)}
        >
          {spec.enum.map(option => (
            <Checkbox key={option} value={option}>
              {option}
            </Checkbox>
          ))}
        </CheckboxGroup>
      ) : (
        <TextAs
          {...props}
          format={v => (Array.isArray(v) ? v.join(', ') : '')}
          parse={text =>
            text
              .split(',')
              .map(s => s.trim())
              .filter(Boolean)
          }
        />
      );
    case 'string-map':
      return (
        <TextAs
          {...props}
          multiline
          format={v =>
            typeof v === 'object' && v !== null
              ? Object.entries(v)
                  .map(([k, val]) => `${k}=${val}`)
                  .join('\n')
              : ''
          }
          parse={parseMap}
        />
      );
    default:
      return null;
  }
};

/** `NAME=value` lines; a line without `=` is a name with an empty value (the check names it). */
export function parseMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf('=');
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    map[key] = at < 0 ? '' : line.slice(at + 1).trim();
  }
  return map;
}

function sentence(text: string) {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
