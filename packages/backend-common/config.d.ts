export interface Config {
  runway?: {
    /**
     * The platform team's group, e.g. `group:default/platform-team`: the one setting the
     * permission policy, environments and delivery read. Its members may do everything: manage
     * templates and classes, approve, override freezes, read the audit trail.
     */
    platformTeam: string;
  };
}
