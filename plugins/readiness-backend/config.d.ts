export interface Config {
  readiness?: {
    /**
     * Extra check files (YAML, `checks:` then a list) the platform team keeps in git, relative
     * to the backend's working directory. Loaded after the built-in checks.
     */
    checkFiles?: string[];
    /** Minutes between full evaluations (run once across replicas). Default 30. */
    evaluationIntervalMinutes?: number;
    /** Days of fact history to keep; latest values are always kept. Default 180. */
    factHistoryRetentionDays?: number;
  };
}
