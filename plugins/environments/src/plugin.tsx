import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { EnvironmentsClient } from '@internal/plugin-environments-common';
import { RiStackLine } from '@remixicon/react';
import { environmentsApiRef } from './api/environmentsApiRef';
import { rootRouteRef } from './routes';

const environmentsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: environmentsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EnvironmentsClient({ discoveryApi, fetchApi }),
    }),
});

/** Environments, one environment's page and the fleet view, under one page in the nav. */
const environmentsPage = PageBlueprint.make({
  params: {
    path: '/environments',
    title: 'Environments',
    icon: <RiStackLine size={24} />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/EnvironmentsRoutes').then(m => (
        <m.EnvironmentsRoutes />
      )),
  },
});

/** The "Environments" tab on a component: its environments and a way to get one. */
const entityEnvironmentsContent = EntityContentBlueprint.make({
  params: {
    path: 'environments',
    title: 'Environments',
    filter: (entity: Entity) => entity.kind.toLocaleLowerCase() === 'component',
    loader: () =>
      import('./components/EntityEnvironmentsContent').then(m => (
        <m.EntityEnvironmentsContent />
      )),
  },
});

/**
 * The environment template's form fields (`ui:field` EnvironmentClassPicker,
 * EnvironmentLifetime, EnvironmentParameters): the classes and their limits come from
 * /api/environments, so the form follows the platform team's class files.
 */
const classPickerField = FormFieldBlueprint.make({
  name: 'environment-class-picker',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(
        m => m.environmentClassPickerField,
      ),
  },
});
const lifetimeField = FormFieldBlueprint.make({
  name: 'environment-lifetime',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.environmentLifetimeField),
  },
});
const parametersField = FormFieldBlueprint.make({
  name: 'environment-parameters',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.environmentParametersField),
  },
});

export const environmentsPlugin = createFrontendPlugin({
  pluginId: 'environments',
  routes: { root: rootRouteRef },
  extensions: [
    environmentsApi,
    environmentsPage,
    entityEnvironmentsContent,
    classPickerField,
    lifetimeField,
    parametersField,
  ],
});
