export interface Config {
  delivery?: {
    /**
     * Environments Runway deploys to, with their tier (freeze windows and the production gate
     * apply per tier) and driver. Default: dev, staging and prod through the webhook driver.
     */
    environments?: Array<{
      name: string;
      tier: 'production' | 'staging' | 'development';
      /** Deploy driver id. Default `webhook`. */
      driver?: string;
    }>;
    /** Signing secrets of incoming webhooks (HMAC-SHA256, X-Hub-Signature-256). */
    webhooks?: {
      /**
       * Used by every source that has no secret of its own.
       * @visibility secret
       */
      secret?: string;
      github?: {
        /** @visibility secret */
        secret: string;
      };
      junit?: {
        /** @visibility secret */
        secret: string;
      };
      incidents?: {
        /** @visibility secret */
        secret: string;
      };
      /** PagerDuty Webhooks v3: the subscription's signing secret (X-PagerDuty-Signature). */
      pagerduty?: {
        /** @visibility secret */
        secret: string;
      };
      /** Opsgenie's Webhook integration cannot sign: it sends `Authorization: Bearer <token>` (a custom header). */
      opsgenie?: {
        /** @visibility secret */
        token: string;
      };
      /** Alertmanager's webhook_config, with `http_config.authorization.credentials: <token>`. */
      alertmanager?: {
        /** @visibility secret */
        token: string;
      };
    };
    drivers?: {
      /** The webhook deploy driver: POSTs each deploy, signed, to a CI/CD endpoint. */
      webhook?: {
        url: string;
        /**
         * Signs requests to the endpoint and verifies its status callbacks.
         * @visibility secret
         */
        secret: string;
        timeoutSeconds?: number;
      };
    };
    /**
     * Recurring freeze windows: in `timeZone`, on `days` (mon..sun), from `start` to `end`
     * (HH:MM; an end before the start runs past midnight). Or a one-off `from`/`until` (ISO).
     */
    freezeWindows?: Array<{
      name: string;
      tiers: Array<'production' | 'staging' | 'development'>;
      timeZone?: string;
      days?: string[];
      start?: string;
      end?: string;
      from?: string;
      until?: string;
    }>;
    gates?: {
      /** Production deploys need an approval when the service's readiness is below this level. */
      readiness?: {
        minimumLevel: 'bronze' | 'silver' | 'gold';
        /** When readiness cannot be read: `require-approval` (default) or `allow`. */
        onUnavailable?: 'require-approval' | 'allow';
      };
    };
    dora?: {
      /** Tier bounds; default: the 2024 DORA report's clusters. */
      tiers?: {
        reportYear: number;
        elite: DoraTierBounds;
        high: DoraTierBounds;
        medium: DoraTierBounds;
      };
    };
    /** Minutes between looks for queued deploys a stopped backend left behind. Default 1. */
    resumeIntervalMinutes?: number;
    /**
     * Minutes a running deploy may go without a word from its driver (a status report or a log
     * line) before it is marked failed, freeing its service and environment. Default 60.
     */
    deployTimeoutMinutes?: number;
    /**
     * Seconds a running deploy that its driver has not handed off (answered pending) may go
     * without a word before it is run again: its backend stopped inside the driver, and
     * drivers are idempotent per deploy id. At least 10; default 120.
     */
    resumeRunningAfterSeconds?: number;
    /**
     * How far back delivery events may reach, in days (default 1096, three years: the longest
     * metrics window). An event with a time before that, or more than a day ahead, is a 400.
     */
    retentionDays?: number;
    junit?: {
      /** The largest JUnit report accepted, in MB after decompression. Default 100. */
      maxMegabytes?: number;
    };
    stages?: {
      /**
       * Measurements (PRs, runs, deployments) a flow stage needs in the window before its median
       * is shown and compared; the binding constraint needs two such stages. Default 5.
       */
      minimumSample?: number;
    };
    incidents?: {
      /**
       * An incident no sender tied to a deployment counts against the service's production
       * deployment live when it opened, if it went live at most this many hours before.
       * Default 24; 0 turns this off.
       */
      attributionHours?: number;
    };
  };
}

interface DoraTierBounds {
  deploymentsPerDay: number;
  leadTimeHours: number;
  changeFailureRate: number;
  timeToRestoreHours: number;
  reworkRate?: number;
}
