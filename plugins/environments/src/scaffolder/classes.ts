import {
  EnvironmentClass,
  ListClassesResponse,
  settableValueSchema,
} from '@internal/plugin-environments-common';
import { EnvironmentsApi } from '../api/environmentsApiRef';
import { formatDuration, HOUR_MS } from '../components/shared/time';

/** The form field that holds the class id, unless a field's `ui:options.classField` says otherwise. */
export const DEFAULT_CLASS_FIELD = 'className';

/** Settable parameters as the form sends them: `{ db: { extensions: ['citext'] } }`. */
export type RequestedParameters = Record<string, Record<string, unknown>>;

/**
 * The three fields and the checks on Next share one answer for a while, so a form costs one
 * request; a platform-team reload shows up in the next form.
 */
const FRESH_MS = 30_000;
const loaded = new WeakMap<
  EnvironmentsApi,
  { at: number; classes: Promise<ListClassesResponse> }
>();

/** GET /classes, shared by the form's fields for FRESH_MS; a failure is not kept. */
export function loadClasses(
  api: EnvironmentsApi,
  now = Date.now(),
): Promise<ListClassesResponse> {
  const entry = loaded.get(api);
  if (entry && now - entry.at < FRESH_MS) return entry.classes;
  const classes = api.listClasses();
  loaded.set(api, { at: now, classes });
  classes.catch(() => {
    if (loaded.get(api)?.classes === classes) loaded.delete(api);
  });
  return classes;
}

/** The class the form's class field names, if the platform team offers it. */
export function chosenClass(
  classes: EnvironmentClass[],
  formData: unknown,
  classField: string = DEFAULT_CLASS_FIELD,
): EnvironmentClass | undefined {
  const id =
    typeof formData === 'object' && formData !== null
      ? (formData as Record<string, unknown>)[classField]
      : undefined;
  return classes.find(c => c.id === id);
}

/** `48 hours (2 d)`: hours as the API counts them, and as people read them. */
export function formatHours(hours: number): string {
  const plain = `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return hours >= 24 ? `${plain} (${formatDuration(hours * HOUR_MS)})` : plain;
}

/**
 * The backend's lifetime rule, checked in the form so a person hears it before the task
 * starts: more than 0 hours, at most the class's `ttl.maxHours`. The backend still decides.
 */
export function lifetimeProblem(
  environmentClass: EnvironmentClass,
  hours: number | undefined,
): string | undefined {
  if (hours === undefined) return undefined;
  if (!Number.isFinite(hours) || hours <= 0) {
    return `The lifetime must be more than 0 hours, got ${hours}`;
  }
  const { maxHours } = environmentClass.ttl;
  if (hours > maxHours) {
    return `${hours} hours is above the class maximum of ${formatHours(
      maxHours,
    )} for ${environmentClass.title}`;
  }
  return undefined;
}

/**
 * What the backend would refuse in the requested parameters, in its words: a resource or a
 * parameter the class does not offer, or a value outside its limits (the same schema).
 */
export function parameterProblems(
  environmentClass: EnvironmentClass,
  requested: RequestedParameters | undefined,
): string[] {
  const problems: string[] = [];
  for (const [resourceName, values] of Object.entries(requested ?? {})) {
    const resource = environmentClass.resources.find(
      r => r.name === resourceName,
    );
    for (const [key, value] of Object.entries(values ?? {})) {
      const field = `${resourceName}.${key}`;
      const spec = resource?.settable[key];
      if (!spec) {
        problems.push(`${field}: may not be set in ${environmentClass.title}`);
        continue;
      }
      const parsed = settableValueSchema(spec).safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const at = issue.path.length ? `.${issue.path.join('.')}` : '';
        problems.push(
          `${field}${at}: ${issue.message}, got ${JSON.stringify(value)}`,
        );
      }
    }
  }
  return problems;
}

/** Requested parameters without those the class does not offer (after the class changed). */
export function keepSettable(
  environmentClass: EnvironmentClass | undefined,
  requested: RequestedParameters | undefined,
): RequestedParameters {
  const kept: RequestedParameters = {};
  for (const resource of environmentClass?.resources ?? []) {
    const values = Object.fromEntries(
      Object.entries(requested?.[resource.name] ?? {}).filter(
        ([key]) => key in resource.settable,
      ),
    );
    if (Object.keys(values).length) kept[resource.name] = values;
  }
  return kept;
}
