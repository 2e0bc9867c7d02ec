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

export type WebhookSource = 'github' | 'junit' | 'incidents';

/** delivery.* settings, read once at start. */
export type DeliverySettings = {
  platformTeam?: string;
  environments: EnvironmentSettings[];
  webhookSecrets: Partial<Record<WebhookSource, string>>;
  freezeWindows: FreezeWindowSettings[];
  tiers: DoraTiers;
  readinessGate?: {
    minimumLevel: 'bronze' | 'silver' | 'gold';
    onUnavailable: 'require-approval' | 'allow';
  };
  /** A running deploy with no word from its driver for this long is failed (it holds its
   *  service and environment until it finishes). */
  deployTimeoutMinutes: number;
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
  return {
    platformTeam: c
      ?.getOptionalString('platformTeam')
      ?.toLocaleLowerCase('en-US'),
    environments,
    webhookSecrets: {
      github: secret('github'),
      junit: secret('junit'),
      incidents: secret('incidents'),
    },
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
