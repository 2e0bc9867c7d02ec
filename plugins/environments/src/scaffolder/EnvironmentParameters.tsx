import { useEffect } from 'react';
import { Flex, Text } from '@backstage/ui';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { chosenClass, keepSettable, RequestedParameters } from './classes';
import { ClassDependentOptions } from './EnvironmentLifetime';
import { SettableParameterInput } from './SettableParameterInput';
import { useEnvironmentClasses } from './useEnvironmentClasses';
import styles from './fields.module.css';

/**
 * `ui:field: EnvironmentParameters`: what the chosen class lets a requester set, per resource,
 * with its limits and the class defaults. The value is the create request's `parameters`
 * (`{ db: { extensions: [citext] } }`); what is left empty keeps the class default.
 */
export const EnvironmentParameters = ({
  schema,
  uiSchema,
  formData,
  formContext,
  onChange,
  disabled,
}: FieldExtensionComponentProps<
  RequestedParameters | undefined,
  ClassDependentOptions
>) => {
  const { value } = useEnvironmentClasses();
  const environmentClass = chosenClass(
    value?.classes ?? [],
    formContext?.formData,
    uiSchema?.['ui:options']?.classField,
  );

  // Values set for another class are dropped when the class changes.
  useEffect(() => {
    if (!value) return;
    const kept = keepSettable(environmentClass, formData);
    if (JSON.stringify(kept) !== JSON.stringify(formData ?? {})) onChange(kept);
  }, [value, environmentClass, formData, onChange]);

  const set = (resource: string, key: string, next: unknown) => {
    const values = { ...formData?.[resource] };
    if (next === undefined) delete values[key];
    else values[key] = next;
    const updated = { ...formData };
    if (Object.keys(values).length) updated[resource] = values;
    else delete updated[resource];
    onChange(updated);
  };

  const title = schema.title ?? 'Parameters';
  const resources =
    environmentClass?.resources.filter(r => Object.keys(r.settable).length) ??
    [];
  return (
    <Flex direction="column" gap="2">
      <Text weight="bold">{title}</Text>
      {!environmentClass && (
        <Text as="p" variant="body-small" color="secondary">
          Choose a class to see what you can set.
        </Text>
      )}
      {environmentClass && resources.length === 0 && (
        <Text as="p" variant="body-small" color="secondary">
          {environmentClass.title} has no parameters to set: the platform team
          fixed them all.
        </Text>
      )}
      {resources.map(resource => (
        <section
          key={resource.name}
          className={styles.resource}
          aria-label={`${resource.name} parameters`}
        >
          <Flex direction="column" gap="3">
            <div>
              <Text weight="bold">
                {resource.name} ({resource.type})
              </Text>
              {resource.description && (
                <Text as="p" variant="body-small" color="secondary">
                  {resource.description}
                </Text>
              )}
            </div>
            {Object.entries(resource.settable).map(([key, spec]) => (
              <SettableParameterInput
                key={key}
                name={key}
                spec={spec}
                value={formData?.[resource.name]?.[key]}
                classDefault={resource.parameters[key]}
                onChange={next => set(resource.name, key, next)}
                isDisabled={disabled}
              />
            ))}
          </Flex>
        </section>
      ))}
    </Flex>
  );
};
