export interface Config {
  audit?: {
    /** Days to keep audit events; older ones are deleted once a day. Default 365. */
    retentionDays?: number;
    /**
     * The lowest severity stored. Backstage plugins audit reads as `low` (every catalog fetch),
     * so the default `medium` keeps changes and leaves reads to the log. Default `medium`.
     */
    minimumSeverity?: 'low' | 'medium' | 'high' | 'critical';
  };
}
