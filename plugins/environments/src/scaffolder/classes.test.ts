import { createFieldValidation } from '@backstage/plugin-scaffolder-react/alpha';
import { EnvironmentClass } from '@internal/plugin-environments-common';
import {
  apiError,
  FakeEnvironmentsApi,
  PREVIEW_CLASS,
} from '../__testUtils__/fakeEnvironmentsApi';
import { environmentsApiRef } from '../api/environmentsApiRef';
import {
  keepSettable,
  lifetimeProblem,
  loadClasses,
  parameterProblems,
} from './classes';
import { validateEnvironmentLifetime } from './validation';

const WITH_PARAMETERS: EnvironmentClass = {
  ...PREVIEW_CLASS,
  resources: [
    {
      name: 'config',
      type: 'config',
      parameters: {},
      settable: {
        values: {
          type: 'string-map',
          keyPattern: '^[A-Z][A-Z0-9_]*$',
          maxEntries: 2,
        },
      },
    },
    {
      name: 'db',
      type: 'postgres',
      parameters: {},
      settable: {
        extensions: { type: 'string-list', enum: ['citext'], maxItems: 1 },
      },
    },
  ],
};

describe('lifetimeProblem', () => {
  it("applies the class's maximum, and leaves an empty lifetime to the class default", () => {
    expect(lifetimeProblem(PREVIEW_CLASS, undefined)).toBeUndefined();
    expect(lifetimeProblem(PREVIEW_CLASS, 168)).toBeUndefined();
    expect(lifetimeProblem(PREVIEW_CLASS, 169)).toBe(
      '169 hours is above the class maximum of 168 hours (7 d) for Preview environment',
    );
    expect(lifetimeProblem(PREVIEW_CLASS, 0)).toBe(
      'The lifetime must be more than 0 hours, got 0',
    );
  });
});

describe('parameterProblems', () => {
  it('names the resource and parameter, the rule and the value', () => {
    expect(
      parameterProblems(WITH_PARAMETERS, {
        config: { values: { lower: 'x' } },
        db: { extensions: ['citext'], sizeMb: 10 },
        cache: { size: 1 },
      }),
    ).toEqual([
      expect.stringMatching(/^config\.values\.lower: .*, got {"lower":"x"}$/),
      'db.sizeMb: may not be set in Preview environment',
      'cache.size: may not be set in Preview environment',
    ]);
    expect(
      parameterProblems(WITH_PARAMETERS, { db: { extensions: ['citext'] } }),
    ).toEqual([]);
  });
});

describe('keepSettable', () => {
  it('drops what the new class does not offer', () => {
    expect(
      keepSettable(WITH_PARAMETERS, {
        db: { extensions: ['citext'], connectionLimit: 5 },
        namespace: { cpu: '1' },
      }),
    ).toEqual({ db: { extensions: ['citext'] } });
    expect(keepSettable(undefined, { db: { x: 1 } })).toEqual({});
  });
});

describe('loadClasses', () => {
  it('shares one answer for a while and does not keep a failure', async () => {
    const api = new FakeEnvironmentsApi();
    await loadClasses(api, 1_000);
    await loadClasses(api, 2_000);
    expect(api.callsOf('listClasses')).toHaveLength(1);
    await loadClasses(api, 40_000);
    expect(api.callsOf('listClasses')).toHaveLength(2);

    const failing = new FakeEnvironmentsApi();
    failing.failures.listClasses = await apiError(
      503,
      'Service Unavailable',
      'ServiceUnavailableError',
      'try again',
    );
    await expect(loadClasses(failing, 1_000)).rejects.toThrow();
    await expect(loadClasses(failing, 1_001)).resolves.toBeDefined();
  });
});

describe('validateEnvironmentLifetime', () => {
  it('adds the message for the class the form chose', async () => {
    const api = new FakeEnvironmentsApi();
    const apiHolder = {
      get: (ref: { id: string }) =>
        ref.id === environmentsApiRef.id ? api : undefined,
    } as any;
    const refused = createFieldValidation();
    await validateEnvironmentLifetime(200, refused, {
      apiHolder,
      formData: { className: 'preview' },
      schema: {},
    });
    expect(refused.__errors).toEqual([
      '200 hours is above the class maximum of 168 hours (7 d) for Preview environment',
    ]);

    // Sandbox allows 720 hours; another field may hold the class.
    const allowed = createFieldValidation();
    await validateEnvironmentLifetime(200, allowed, {
      apiHolder,
      formData: { kind: 'sandbox' },
      schema: {},
      uiSchema: { 'ui:options': { classField: 'kind' } },
    });
    expect(allowed.__errors).toEqual([]);
  });
});
