export interface Config {
  auth?: {
    providers?: {
      /**
       * Local development only (`make start`): the sign-in page lists these users and one
       * signs in as whom one chooses. The backend refuses to start with it when
       * auth.environment is not development, when it is configured for another environment,
       * or when NODE_ENV is not development (unless dangerouslyAllowOutsideDevelopment).
       */
      devUser?: {
        /** Lets a production build start with it, for tests on one's own machine only. */
        dangerouslyAllowOutsideDevelopment?: boolean;
        development?: {
          users: Array<{
            /**
             * A User entity ref, e.g. user:default/alex.moreno.
             * @visibility frontend
             */
            userEntityRef: string;
            /**
             * What this user may do, one line on the sign-in page.
             * @visibility frontend
             */
            description: string;
          }>;
        };
      };
    };
  };
}
