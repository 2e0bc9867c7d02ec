import { Config } from '@backstage/config';
import { SignInProviderConfig } from '@backstage/core-components';
import { oidcAuthApiRef } from './oidcAuthApiRef';

const oidcProvider: SignInProviderConfig = {
  id: 'oidc',
  title: 'Single sign-on',
  message: "Sign in with your organisation's account",
  apiRef: oidcAuthApiRef,
};

/** Maps `runway.signIn.providers` to the sign-in page's providers; single sign-on when unset. */
export function signInProvidersFromConfig(
  config: Config,
): SignInProviderConfig[] {
  const names = config.getOptionalStringArray('runway.signIn.providers') ?? [
    'oidc',
  ];
  return names.includes('oidc') ? [oidcProvider] : [];
}
