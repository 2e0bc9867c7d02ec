import { Config } from '@backstage/config';
import { SignInProviderConfig } from '@backstage/core-components';
import { oidcAuthApiRef } from './oidcAuthApiRef';

const oidcProvider: SignInProviderConfig = {
  id: 'oidc',
  title: 'Single sign-on',
  message: "Sign in with your organisation's account",
  apiRef: oidcAuthApiRef,
};

/** Maps `runway.signIn.providers` to the sign-in page's providers; guest when unset. */
export function signInProvidersFromConfig(
  config: Config,
): Array<'guest' | SignInProviderConfig> {
  const names = config.getOptionalStringArray('runway.signIn.providers') ?? [
    'guest',
  ];
  const providers: Array<'guest' | SignInProviderConfig> = [];
  for (const name of names) {
    if (name === 'guest') providers.push('guest');
    if (name === 'oidc') providers.push(oidcProvider);
  }
  return providers;
}
