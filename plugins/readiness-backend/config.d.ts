export interface Config {
  readiness?: {
    /**
     * Extra check files (YAML, `checks:` then a list) the platform team keeps in git, relative
     * to the backend's working directory. Loaded after the built-in checks.
     */
    checkFiles?: string[];
    /** Seconds after start before the first full evaluation. Default 15. */
    startupEvaluationDelaySeconds?: number;
    /** Minutes between full evaluations (run once across replicas). Default 30. */
    evaluationIntervalMinutes?: number;
    /**
     * Minutes a full evaluation may hold its once-across-replicas lock. A replica killed during
     * an evaluation keeps the lock this long, so no replica evaluates until it expires; keep it
     * above the longest evaluation (about a minute at 50,000 entities). Default 10.
     */
    evaluationTimeoutMinutes?: number;
    /**
     * Local use: a YAML file of example facts (the body of POST /facts) recorded at start, so
     * the example organisation shows a spread. Not for production.
     */
    exampleFactsFile?: string;
    /** Days of fact history to keep; latest values are always kept. Default 180. */
    factHistoryRetentionDays?: number;
    exemptions?: {
      /** Longest an exemption may last, in days from when it is granted. Default 180. */
      maxDays?: number;
    };
  };
}
