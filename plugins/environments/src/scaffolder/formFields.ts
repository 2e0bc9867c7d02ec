import { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { EnvironmentClassPicker } from './EnvironmentClassPicker';
import { EnvironmentLifetime } from './EnvironmentLifetime';
import { EnvironmentParameters } from './EnvironmentParameters';
import {
  validateEnvironmentClass,
  validateEnvironmentLifetime,
  validateEnvironmentParameters,
} from './validation';

/** The environment template's fields by their `ui:field` names (also for tests). */
export const environmentFieldOptions = {
  classPicker: {
    name: 'EnvironmentClassPicker',
    component: EnvironmentClassPicker,
    validation: validateEnvironmentClass,
  },
  lifetime: {
    name: 'EnvironmentLifetime',
    component: EnvironmentLifetime,
    validation: validateEnvironmentLifetime,
  },
  parameters: {
    name: 'EnvironmentParameters',
    component: EnvironmentParameters,
    validation: validateEnvironmentParameters,
  },
} satisfies Record<string, FieldExtensionOptions<any, any>>;

export const environmentClassPickerField = createFormField(
  environmentFieldOptions.classPicker,
);
export const environmentLifetimeField = createFormField(
  environmentFieldOptions.lifetime,
);
export const environmentParametersField = createFormField(
  environmentFieldOptions.parameters,
);
