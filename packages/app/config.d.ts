export interface Config {
  runway?: {
    signIn?: {
      /**
       * Sign-in methods the sign-in page offers: `oidc` (the organisation's single sign-on,
       * the default). Not used while auth.providers.devUser lists users (`make start`).
       * @visibility frontend
       */
      providers?: Array<'oidc'>;
    };
  };
  auth?: {
    providers?: {
      /**
       * Local development only: the users the sign-in page offers to sign in as
       * (plugins/auth-backend-module-runway-sign-in checks them and refuses to start elsewhere).
       */
      devUser?: {
        development?: {
          users: Array<{
            /**
             * A User entity ref, e.g. user:default/alex.moreno.
             * @visibility frontend
             */
            userEntityRef: string;
            /**
             * What this user may do, in one line.
             * @visibility frontend
             */
            description: string;
          }>;
        };
      };
    };
  };
}
