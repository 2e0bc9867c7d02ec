import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  DeployGate,
  GateContext,
  GateDecision,
} from '@internal/plugin-delivery-node';

const LEVELS = ['none', 'bronze', 'silver', 'gold'];

/**
 * The default production gate: a production deploy needs an approval while the service's
 * readiness level (GET /api/readiness/scorecards/:kind/:ns/:name) is below the configured one.
 */
export class ReadinessLevelGate implements DeployGate {
  readonly id = 'readiness-level';

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      minimumLevel: 'bronze' | 'silver' | 'gold';
      onUnavailable: 'require-approval' | 'allow';
      fetch?: typeof fetch;
    },
  ) {}

  async evaluate(context: GateContext): Promise<GateDecision> {
    if (!context.production) return { result: 'allow' };
    const { minimumLevel } = this.options;
    let level: string | undefined;
    let problem: string | undefined;
    try {
      const { token } = await this.options.auth.getPluginRequestToken({
        onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
        targetPluginId: 'readiness',
      });
      const ref = parseEntityRef(context.service);
      const base = await this.options.discovery.getBaseUrl('readiness');
      const res = await (this.options.fetch ?? fetch)(
        `${base}/scorecards/${[ref.kind, ref.namespace, ref.name]
          .map(encodeURIComponent)
          .join('/')}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (res.ok) level = (await res.json()).overallLevel;
      else problem = `readiness answered ${res.status}`;
    } catch (error) {
      problem = `readiness unavailable: ${(error as Error).message}`;
    }
    if (level === undefined || !LEVELS.includes(level)) {
      return this.options.onUnavailable === 'allow'
        ? { result: 'allow', reason: problem }
        : {
            result: 'approval-required',
            reason: `the readiness level could not be read (${problem}); production needs ${minimumLevel}`,
          };
    }
    return LEVELS.indexOf(level) >= LEVELS.indexOf(minimumLevel)
      ? { result: 'allow' }
      : {
          result: 'approval-required',
          reason: `readiness is ${level}, below ${minimumLevel} required for production without approval`,
        };
  }
}
