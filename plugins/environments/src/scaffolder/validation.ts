import { ApiHolder } from '@backstage/frontend-plugin-api';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { environmentsApiRef } from '../api/environmentsApiRef';
import { errorMessage } from '../components/shared/errors';
import {
  chosenClass,
  lifetimeProblem,
  loadClasses,
  parameterProblems,
  RequestedParameters,
} from './classes';
import { ClassDependentOptions } from './EnvironmentLifetime';

/*
 * The checks the scaffolder runs on Next, before the task can start. They apply the backend's
 * rules to the classes it serves; the backend still decides when the task runs.
 */

async function classesFrom(apiHolder: Pick<ApiHolder, 'get'>) {
  const api = apiHolder.get(environmentsApiRef);
  if (!api) throw new Error('The environments plugin is not installed');
  try {
    return (await loadClasses(api)).classes;
  } catch (error) {
    throw new Error(
      `Could not load the environment classes: ${errorMessage(error)}`,
    );
  }
}

export const validateEnvironmentClass: CustomFieldValidator<string> = async (
  id,
  validation,
  { apiHolder },
) => {
  if (!id) return;
  const classes = await classesFrom(apiHolder);
  if (!classes.some(c => c.id === id)) {
    validation.addError(
      `Class "${id}" is not offered; choose one of ${classes
        .map(c => c.id)
        .join(', ')}`,
    );
  }
};

export const validateEnvironmentLifetime: CustomFieldValidator<
  number | undefined,
  ClassDependentOptions
> = async (hours, validation, { apiHolder, formData, uiSchema }) => {
  const environmentClass = chosenClass(
    await classesFrom(apiHolder),
    formData,
    uiSchema?.['ui:options']?.classField,
  );
  // Without a class the class field says what is missing.
  const problem = environmentClass && lifetimeProblem(environmentClass, hours);
  if (problem) validation.addError(problem);
};

export const validateEnvironmentParameters: CustomFieldValidator<
  RequestedParameters | undefined,
  ClassDependentOptions
> = async (parameters, validation, { apiHolder, formData, uiSchema }) => {
  const environmentClass = chosenClass(
    await classesFrom(apiHolder),
    formData,
    uiSchema?.['ui:options']?.classField,
  );
  if (!environmentClass) return;
  for (const problem of parameterProblems(environmentClass, parameters)) {
    validation.addError(problem);
  }
};
