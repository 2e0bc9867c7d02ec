import { RootConfigService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** The development sign-in's provider id: /api/auth/devUser/refresh. */
export const DEV_USER_PROVIDER_ID = 'devUser';

/** The request header naming the user the person chose to be (a User entity ref). */
export const DEV_USER_HEADER = 'x-runway-dev-user';

const KEY = `auth.providers.${DEV_USER_PROVIDER_ID}`;
export const DEV_USERS_KEY = `${KEY}.development.users`;
const ALLOW_KEY = `${KEY}.dangerouslyAllowOutsideDevelopment`;

/** A user one may choose to be, and what they may do (shown on the sign-in page). */
export type DevUser = { userEntityRef: string; description: string };

/**
 * The users listed under `auth.providers.devUser.development.users`, or undefined when the
 * provider is not configured. Throws, naming the setting, when it is configured where it must
 * not be: signing in by choosing who to be is for a developer's own machine only, never for a
 * portal other people reach.
 */
export function readDevUserSettings(
  config: RootConfigService,
  nodeEnv = process.env.NODE_ENV,
): DevUser[] | undefined {
  const provider = config.getOptionalConfig(KEY);
  if (!provider) return undefined;

  // Backstage's auth backend treats an unset auth.environment as development.
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  if (environment !== 'development') {
    throw new Error(
      `${KEY} lets anyone sign in as whom they choose, so it is for local development only, but auth.environment is "${environment}"; remove ${KEY} from this configuration (app-config.production.yaml sets it to null)`,
    );
  }
  const environments = provider
    .keys()
    .filter(
      k => k !== 'development' && k !== 'dangerouslyAllowOutsideDevelopment',
    );
  if (environments.length > 0) {
    throw new Error(
      `${KEY}.${environments[0]}: the development sign-in is configured only under ${KEY}.development; remove ${KEY}.${environments[0]}`,
    );
  }
  if (
    nodeEnv !== 'development' &&
    provider.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') !== true
  ) {
    throw new Error(
      `${KEY} is for local development only, but NODE_ENV is "${nodeEnv}"; remove ${KEY}, or set ${ALLOW_KEY}: true only to test a production build on your own machine`,
    );
  }
  return readDevUsers(provider.getOptionalConfigArray('development.users'));
}

function readDevUsers(
  entries: ReturnType<RootConfigService['getOptionalConfigArray']>,
): DevUser[] {
  if (!entries || entries.length === 0) {
    throw new Error(
      `${DEV_USERS_KEY} is missing or empty; list the users one may choose to be`,
    );
  }
  return entries.map((entry, i) => {
    const ref = entry.getString('userEntityRef');
    const userEntityRef = normalizeUserRef(ref);
    if (!userEntityRef) {
      throw new Error(
        `${DEV_USERS_KEY}[${i}].userEntityRef: "${ref}" is not a User entity ref such as user:default/alex.moreno`,
      );
    }
    return { userEntityRef, description: entry.getString('description') };
  });
}

/** `user:default/alex.moreno` for that ref in any case or short form; undefined for other kinds. */
export function normalizeUserRef(ref: string): string | undefined {
  try {
    const parsed = parseEntityRef(ref.trim(), {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    if (parsed.kind.toLocaleLowerCase('en-US') !== 'user') return undefined;
    return stringifyEntityRef(parsed).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
