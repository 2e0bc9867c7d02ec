export interface Config {
  permission?: {
    /** Runway's permission policy (plugins/permission-backend-module-runway). */
    runway?: {
      /**
       * The platform team's group, e.g. `group:default/platform-team`. Its members may do
       * everything: manage templates and classes, approve, override freezes, read the audit.
       */
      platformTeam: string;
      /**
       * Who reads scorecards, deploys and environments: `organisation` (everyone, the default)
       * or `owners` (members of the owning group and the platform team; lists are filtered).
       */
      visibility?: 'organisation' | 'owners';
    };
  };
}
