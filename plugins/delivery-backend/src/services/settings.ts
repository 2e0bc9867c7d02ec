import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  DORA_2024_TIERS,
  DoraTiers,
  TierBounds,
} from '@internal/plugin-delivery-common';

export type EnvironmentTier = 'production' | 'staging' | 'development';
export type EnvironmentSettings = {
  name: string;
  tier: EnvironmentTier;
  driver: string;
};

export type FreezeWindowSettings = {
  name: string;
  tiers: EnvironmentTier[];
  timeZone: string;
  days?: string[];
  start?: string;
  end?: string;
  from?: string;
  until?: string;
};

export type WebhookSource = 'github' | 'junit' | 'incidents' | 'pagerduty';
/** Senders that cannot sign their body: they send a bearer token instead. */
export type TokenSource = 'opsgenie' | 'alertmanager';

/** delivery.* settings, read once at start. */
export type DeliverySettings = {
  environments: EnvironmentSettings[];
  webhookSecrets: Partial<Record<WebhookSource, string>>;
  webhookTokens: Partial<Record<TokenSource, string>>;
  /** Hours before an incident in which a production deployment that went live counts as its cause. */
  incidentAttributionHours: number;
  freezeWindows: FreezeWindowSettings[];
  tiers: DoraTiers;
  readinessGate?: {
    minimumLevel: 'bronze' | 'silver' | 'gold';
    onUnavailable: 'require-approval' | 'allow';
  };
  /** A running deploy with no word from its driver for this long is failed (it holds its
   *  service and environment until it finishes). */
  deployTimeoutMinutes: number;
  /** Seconds a running deploy not handed off may be quiet before it is run again. */
  resumeRunningAfterSeconds: number;
  /** Events older than this many days (or over a day ahead) are refused. */
  retentionDays: number;
  junitMaxBytes: number;
  /** Measurements a flow stage needs before it is compared with others. */
  stageMinimumSample: number;
};

const DEFAULT_ENVIRONMENTS: EnvironmentSettings[] = [
  { name: 'dev', tier: 'development', driver: 'webhook' },
  { name: 'staging', tier: 'staging', driver: 'webhook' },
  { name: 'prod', tier: 'production', driver: 'webhook' },
];

export function readSettings(config: RootConfigService): DeliverySettings {
  const c = config.getOptionalConfig('delivery');
  const environments =
    c?.getOptionalConfigArray('environments')?.map(e => ({
      name: e.getString('name'),
      tier: e.getString('tier') as EnvironmentTier,
      driver: e.getOptionalString('driver') ?? 'webhook',
    })) ?? DEFAULT_ENVIRONMENTS;
  const shared = c?.getOptionalString('webhooks.secret');
  const secret = (s: WebhookSource) =>
    c?.getOptionalString(`webhooks.${s}.secret`) ?? shared;
  const tiers = c?.getOptionalConfig('dora.tiers');
  const bounds = (name: string): TierBounds => {
    const b = tiers!.getConfig(name);
    return {
      deploymentsPerDay: b.getNumber('deploymentsPerDay'),
      leadTimeHours: b.getNumber('leadTimeHours'),
      changeFailureRate: b.getNumber('changeFailureRate'),
      timeToRestoreHours: b.getNumber('timeToRestoreHours'),
      reworkRate: b.getOptionalNumber('reworkRate'),
    };
  };
  const gate = c?.getOptionalConfig('gates.readiness');
  const deployTimeoutMinutes =
    c?.getOptionalNumber('deployTimeoutMinutes') ?? 60;
  if (!(deployTimeoutMinutes > 0))
    throw new Error(
      `delivery.deployTimeoutMinutes must be a number of minutes above 0, not ${deployTimeoutMinutes}`,
    );
  const resumeRunningAfterSeconds =
    c?.getOptionalNumber('resumeRunningAfterSeconds') ?? 120;
  if (!(resumeRunningAfterSeconds >= 10))
    throw new Error(
      `delivery.resumeRunningAfterSeconds must be a number of seconds, at least 10, not ${resumeRunningAfterSeconds}`,
    );
  const retentionDays = c?.getOptionalNumber('retentionDays') ?? 1096;
  if (!Number.isInteger(retentionDays) || retentionDays < 1)
    throw new Error(
      `delivery.retentionDays must be a whole number of days, at least 1, not ${retentionDays}`,
    );
  const incidentAttributionHours =
    c?.getOptionalNumber('incidents.attributionHours') ?? 24;
  if (!(incidentAttributionHours >= 0))
    throw new Error(
      `delivery.incidents.attributionHours must be a number of hours, 0 or more, not ${incidentAttributionHours}`,
    );
  const stageMinimumSample = c?.getOptionalNumber('stages.minimumSample') ?? 5;
  if (!Number.isInteger(stageMinimumSample) || stageMinimumSample < 1)
    throw new Error(
      `delivery.stages.minimumSample must be a whole number, at least 1, not ${stageMinimumSample}`,
    );
  const junitMaxMegabytes = c?.getOptionalNumber('junit.maxMegabytes') ?? 100;
  if (!(junitMaxMegabytes > 0))
    throw new Error(
      `delivery.junit.maxMegabytes must be a number of megabytes above 0, not ${junitMaxMegabytes}`,
    );
  return {
    environments,
    webhookSecrets: {
      github: secret('github'),
      junit: secret('junit'),
      incidents: secret('incidents'),
      // PagerDuty signs with the secret of the subscription: its own, never the shared one.
      pagerduty: c?.getOptionalString('webhooks.pagerduty.secret'),
    },
    webhookTokens: {
      opsgenie: c?.getOptionalString('webhooks.opsgenie.token'),
      alertmanager: c?.getOptionalString('webhooks.alertmanager.token'),
    },
    incidentAttributionHours,
    freezeWindows:
      c?.getOptionalConfigArray('freezeWindows')?.map(w => ({
        name: w.getString('name'),
        tiers: w.getStringArray('tiers') as EnvironmentTier[],
        timeZone: w.getOptionalString('timeZone') ?? 'UTC',
        days: w.getOptionalStringArray('days'),
        start: w.getOptionalString('start'),
        end: w.getOptionalString('end'),
        from: w.getOptionalString('from'),
        until: w.getOptionalString('until'),
      })) ?? [],
    tiers: tiers
      ? {
          reportYear: tiers.getNumber('reportYear'),
          elite: bounds('elite'),
          high: bounds('high'),
          medium: bounds('medium'),
        }
      : DORA_2024_TIERS,
    readinessGate: gate
      ? {
          minimumLevel: gate.getString('minimumLevel') as any,
          onUnavailable:
            (gate.getOptionalString('onUnavailable') as any) ??
            'require-approval',
        }
      : undefined,
    deployTimeoutMinutes,
    resumeRunningAfterSeconds,
    retentionDays,
    junitMaxBytes: Math.round(junitMaxMegabytes * 1_048_576),
    stageMinimumSample,
  };
}

/** Whether an environment is production: its configured tier, else its name (prod, production). */
export function isProductionEnvironment(
  settings: DeliverySettings,
  name: string,
): boolean {
  const configured = settings.environments.find(e => e.name === name);
  if (configured) return configured.tier === 'production';
  return /^prod(uction)?$/i.test(name);
}
