export interface Config {
  environments?: {
    drivers?: {
      /**
       * The `postgres` resource driver: a database and a login role per environment resource
       * on this PostgreSQL server. Without this section the driver is not registered.
       */
      postgres?: {
        /** Host of the server, as the portal and the environments' users reach it. */
        host: string;
        /** Default 5432. */
        port?: number;
        /**
         * The admin connection's user: a superuser, or a role with CREATEDB and CREATEROLE
         * (it is then granted each role it creates, to hand over the database).
         */
        user: string;
        /**
         * The admin connection's password (none for trust or peer authentication).
         * @visibility secret
         */
        password?: string;
        /** Database the admin connection opens. Default `postgres`. */
        database?: string;
        /** Connect over TLS (and hand out `sslmode=require` URLs). Default false. */
        ssl?: boolean;
        /**
         * Prefix of every database and role name the driver creates: lowercase letters,
         * digits and `_`, starting with a letter, at most 20 characters. Default `env_`.
         */
        namePrefix?: string;
        /**
         * Extensions a resource may ask for in `parameters.extensions`. Default: pgcrypto,
         * uuid-ossp, citext, hstore, pg_trgm, btree_gin, btree_gist, ltree, unaccent.
         */
        allowedExtensions?: string[];
        /** Largest `parameters.connectionLimit` a resource may ask for. Default 100. */
        maxConnectionLimit?: number;
        /**
         * Admin connections the driver opens at once (default 4): a burst of environments
         * waits its turn instead of exhausting the server's max_connections.
         */
        maxAdminConnections?: number;
      };
    };
  };
}
