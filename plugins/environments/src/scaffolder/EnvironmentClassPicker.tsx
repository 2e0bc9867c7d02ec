import { useEffect } from 'react';
import { Flex, Radio, RadioGroup, Skeleton, Text } from '@backstage/ui';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { EnvironmentClass } from '@internal/plugin-environments-common';
import { ErrorAlert } from '../components/shared/ErrorAlert';
import { formatHours } from './classes';
import { useEnvironmentClasses } from './useEnvironmentClasses';
import styles from './fields.module.css';

/** What a requester needs to know to choose a class, one line each. */
export function classFacts(environmentClass: EnvironmentClass): string[] {
  const { ttl, quota, approval, resources } = environmentClass;
  return [
    `Lifetime ${formatHours(
      ttl.defaultHours,
    )} by default, at most ${formatHours(ttl.maxHours)}`,
    approval.required
      ? "Needs the platform team's approval"
      : 'No approval needed',
    ...(quota ? [`${quota.activePerTeam} active per team`] : []),
    `Gets ${resources.map(r => `${r.name} (${r.type})`).join(', ')}`,
  ];
}

/**
 * `ui:field: EnvironmentClassPicker`: the platform team's classes from /api/environments,
 * each with its description, lifetime, approval and quota; the value is the class id.
 */
export const EnvironmentClassPicker = ({
  schema,
  formData,
  onChange,
  required,
  disabled,
  rawErrors,
}: FieldExtensionComponentProps<string>) => {
  const { value, error, loading } = useEnvironmentClasses();
  const classes = value?.classes;
  const label = schema.title ?? 'Class';

  // With one class there is nothing to choose.
  useEffect(() => {
    if (!formData && classes?.length === 1) onChange(classes[0].id);
  }, [formData, classes, onChange]);

  if (loading && !classes) {
    return (
      <Flex direction="column" gap="2" aria-busy="true">
        <Text weight="bold">{label}</Text>
        <Skeleton width="100%" height={72} />
      </Flex>
    );
  }
  if (error) {
    return (
      <ErrorAlert
        title="Could not load the environment classes"
        error={error}
      />
    );
  }
  if (!classes?.length) {
    return (
      <Text as="p" color="danger" role="alert">
        No environment classes are defined; ask the platform team.
      </Text>
    );
  }
  return (
    <RadioGroup
      label={label}
      isRequired={required}
      isDisabled={disabled}
      isInvalid={rawErrors?.length > 0}
      validationBehavior="aria"
      value={formData ?? null}
      onChange={id => onChange(id)}
    >
      {classes.map(c => (
        <Radio key={c.id} value={c.id} className={styles.option}>
          <Flex direction="column" gap="1">
            <Text weight="bold">{c.title}</Text>
            {c.description && (
              <Text variant="body-small" color="secondary">
                {c.description}
              </Text>
            )}
            <ul className={styles.facts}>
              {classFacts(c).map(fact => (
                <li key={fact}>
                  <Text variant="body-small">{fact}</Text>
                </li>
              ))}
            </ul>
          </Flex>
        </Radio>
      ))}
    </RadioGroup>
  );
};
