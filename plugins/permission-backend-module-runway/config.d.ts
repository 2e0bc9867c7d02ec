export interface Config {
  permission?: {
    /** Runway's permission policy (plugins/permission-backend-module-runway). */
    runway?: {
      /**
       * Who reads scorecards, deploys and environments: `organisation` (everyone, the default)
       * or `owners` (members of the owning group and the platform team; lists are filtered).
       */
      visibility?: 'organisation' | 'owners';
    };
  };
}
