import { ResponseError } from '@backstage/errors';
import {
  FlowStage,
  FlowStageId,
  Deployment,
  DeploymentLogEvent,
  MetricsResponse,
  ServiceEnvironmentsResponse,
  TimeseriesResponse,
} from '@internal/plugin-delivery-common';
import { DeliveryApi } from '../api/deliveryApiRef';

export const SERVICE = 'component:default/payments-api';

/** The error the client throws for a backend error response (Backstage's error body). */
export function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    status,
    statusText: name,
    ok: false,
    url: 'http://localhost/api/delivery',
    headers: { get: () => 'application/json' },
    text: async () => body,
  } as any);
}

export const deployment = (patch: Partial<Deployment>): Deployment => ({
  id: 'd-1',
  service: SERVICE,
  environment: 'staging',
  production: false,
  version: '1.0.0',
  status: 'succeeded',
  changeType: 'planned',
  source: 'runway',
  selfService: true,
  triggeredBy: 'user:default/ana',
  requestedAt: '2026-11-20T10:00:00.000Z',
  finishedAt: '2026-11-20T10:05:00.000Z',
  causedIncident: false,
  ...patch,
});

export const stage = (
  id: FlowStageId,
  count: number,
  p50Hours?: number,
): FlowStage => ({
  stage: id,
  count,
  p50Hours,
  enoughData: p50Hours !== undefined,
  measuredFrom: `what ${id} is measured from`,
  howToFeed: `how to feed ${id}`,
});

export const metrics = (
  patch: Partial<MetricsResponse> = {},
): MetricsResponse => ({
  scope: { type: 'service', ref: SERVICE },
  window: {
    from: '2026-10-25T00:00:00.000Z',
    to: '2026-11-24T00:00:00.000Z',
    days: 30,
  },
  tiers: { reportYear: 2024 },
  dora: {
    deploymentFrequency: { perDay: 0.5, deployments: 15, tier: 'high' },
    leadTime: { count: 15, p50Hours: 20, p90Hours: 40, tier: 'elite' },
    changeFailureRate: {
      rate: 0.2,
      failedDeployments: 3,
      deployments: 15,
      tier: 'high',
    },
    timeToRestore: { count: 2, p50Hours: 3, tier: 'high' },
    reworkRate: { rate: 0.1, reworkDeployments: 1, deployments: 10 },
  },
  flow: {} as MetricsResponse['flow'],
  stages: [
    stage('review-wait', 10, 30),
    stage('in-review', 10, 5),
    stage('ci-tests', 40, 0.2),
    stage('merge-to-deploy', 15, 2),
    stage('deploy-approval', 0),
    stage('deploy-queue', 15, 0.01),
    stage('deploying', 15, 0.1),
  ],
  minimumSample: 5,
  constraint: { stage: 'review-wait', p50Hours: 30, comparedStages: 6 },
  ...patch,
});

export const series = (): TimeseriesResponse => ({
  scope: { type: 'service', ref: SERVICE },
  bucket: 'week',
  window: {
    from: '2026-11-02T00:00:00.000Z',
    to: '2026-11-16T00:00:00.000Z',
  },
  points: [
    {
      start: '2026-11-02T00:00:00.000Z',
      end: '2026-11-09T00:00:00.000Z',
      deployments: 3,
      finished: 3,
      failedDeployments: 0,
      changeFailureRate: 0,
      leadTimes: 3,
      leadTimeP50Hours: 12,
      incidentsResolved: 0,
    },
    {
      start: '2026-11-09T00:00:00.000Z',
      end: '2026-11-16T00:00:00.000Z',
      deployments: 0,
      finished: 0,
      failedDeployments: 0,
      leadTimes: 0,
      incidentsResolved: 0,
    },
  ],
});

/**
 * A fake standing in for the delivery backend (which has its own tests): it records what was
 * asked and answers with the state the test sets; `fail` makes the next action throw.
 */
export class FakeDeliveryApi implements DeliveryApi {
  calls: Array<[string, unknown]> = [];
  environments: ServiceEnvironmentsResponse;
  deployments: Deployment[] = [];
  log: DeploymentLogEvent[] = [];
  fail?: () => Promise<Error>;
  metricsCalls: unknown[] = [];

  constructor(environments: ServiceEnvironmentsResponse) {
    this.environments = environments;
  }

  async getMetrics(query: any) {
    this.metricsCalls.push(query);
    return metrics(
      query.team
        ? { scope: { type: 'team', ref: query.team, services: 3 } }
        : {},
    );
  }
  async getMetricsTimeseries() {
    return series();
  }
  async getServiceEnvironments() {
    return this.environments;
  }
  async listVersions() {
    return {
      versions: [
        {
          version: '2.0.0',
          lastSeenAt: '2026-11-21T10:00:00.000Z',
          liveIn: ['staging'],
        },
      ],
    };
  }
  async listDeployments() {
    return { deployments: this.deployments };
  }
  async getDeployment(id: string) {
    return this.deployments.find(d => d.id === id)!;
  }
  async getDeploymentEvents(id: string, after = 0) {
    return {
      events: this.log.filter(e => e.deploymentId === id && e.id > after),
    };
  }
  async deploy(request: any) {
    return this.act('deploy', request);
  }
  async promote(request: any) {
    return this.act('promote', request);
  }
  async rollback(request: any) {
    return this.act('rollback', request);
  }
  async approve(id: string) {
    return this.act('approve', id);
  }

  private async act(name: string, request: any): Promise<Deployment> {
    this.calls.push([name, request]);
    if (this.fail) {
      const error = await this.fail();
      this.fail = undefined;
      throw error;
    }
    const started = deployment({
      id: `new-${this.calls.length}`,
      environment: request.environment ?? 'prod',
      version: request.version ?? '2.0.0',
      status: 'running',
      finishedAt: undefined,
    });
    this.deployments = [started, ...this.deployments];
    this.log.push({
      id: this.log.length + 1,
      deploymentId: started.id,
      at: '2026-11-24T10:00:00.000Z',
      status: 'running',
      message: `Calling the CI/CD endpoint for ${started.version}`,
    });
    return started;
  }
}
