export interface Config {
  runway?: {
    signIn?: {
      /**
       * Sign-in methods the sign-in page offers, in order: `guest` (local use) and `oidc`.
       * @visibility frontend
       */
      providers?: Array<'guest' | 'oidc'>;
    };
  };
}
