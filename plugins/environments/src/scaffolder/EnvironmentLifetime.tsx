import { NumberField, Text } from '@backstage/ui';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { chosenClass, formatHours, lifetimeProblem } from './classes';
import { useEnvironmentClasses } from './useEnvironmentClasses';

/** `ui:options` of the class-dependent fields. */
export type ClassDependentOptions = {
  /** The form field that holds the class id (default `className`). */
  classField?: string;
};

/**
 * `ui:field: EnvironmentLifetime`: hours until the environment expires, within the chosen
 * class's maximum. Empty means the class default. The limit is checked as the person types
 * and again on Next (the field's validation), before the task starts.
 */
export const EnvironmentLifetime = ({
  schema,
  uiSchema,
  formData,
  formContext,
  onChange,
  required,
  disabled,
  rawErrors,
}: FieldExtensionComponentProps<number | undefined, ClassDependentOptions>) => {
  const { value } = useEnvironmentClasses();
  const environmentClass = chosenClass(
    value?.classes ?? [],
    formContext?.formData,
    uiSchema?.['ui:options']?.classField,
  );
  const problem = environmentClass
    ? lifetimeProblem(environmentClass, formData)
    : undefined;
  // After Next the form shows the same message under the field; once is enough.
  const showProblem = problem && !rawErrors?.length;
  return (
    <>
      <NumberField
        label={schema.title ?? 'Lifetime (hours)'}
        description={
          environmentClass
            ? `${environmentClass.title}: ${formatHours(
                environmentClass.ttl.defaultHours,
              )} when left empty, at most ${formatHours(
                environmentClass.ttl.maxHours,
              )}.`
            : 'Choose a class to see its default and maximum.'
        }
        placeholder={
          environmentClass
            ? String(environmentClass.ttl.defaultHours)
            : undefined
        }
        value={formData ?? NaN}
        onChange={hours => onChange(Number.isNaN(hours) ? undefined : hours)}
        isRequired={required}
        isDisabled={disabled}
        isInvalid={Boolean(problem) || rawErrors?.length > 0}
        // The scaffolder's check on Next decides, not the browser's.
        validationBehavior="aria"
      />
      {showProblem && (
        <Text as="p" variant="body-small" color="danger" role="alert">
          {problem}
        </Text>
      )}
    </>
  );
};
