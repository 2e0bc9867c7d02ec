import { NotFoundError } from '@backstage/errors';
import {
  DeliveryEvent,
  IncidentEvent,
  IngestResponse,
} from '@internal/plugin-delivery-common';
import { IngestItem, IngestStore } from '../database/IngestStore';
import { JunitReport, ReadOptions } from '../junit/readJunitReport';
import { contentHash } from '../lib/contentHash';
import { acceptedTimes, checkEventTimes, checkTime } from '../lib/timeRange';
import { dateOrUndefined } from '../lib/time';
import { serviceRefOf } from '../lib/refs';
import { attributeGithubRecord } from '../github/attributeGithubRecord';
import { mapGithubEvent } from '../github/mapGithubEvent';
import { componentOfIncident } from '../incidents/attributeIncident';
import {
  IncidentSource,
  mapIncidentWebhook,
} from '../incidents/mapIncidentWebhook';
import { ServiceCatalog } from './ServiceCatalog';
import { DeliverySettings, isProductionEnvironment } from './settings';

export type JunitUpload = {
  service: string;
  runId: string;
  finishedAt?: string;
  deliveryId?: string;
};

/** Reads the report from wherever it comes (a request stream, a verified body) within limits. */
export type JunitSource = (
  options: Omit<ReadOptions, 'gzip'>,
) => Promise<JunitReport>;

/** Turns delivery events from the batch API and the webhooks into stored records. */
export class IngestService {
  constructor(
    private readonly store: IngestStore,
    private readonly services: ServiceCatalog,
    private readonly settings: DeliverySettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async ingestEvents(
    events: DeliveryEvent[],
    source: string,
  ): Promise<IngestResponse> {
    const now = this.now();
    const range = this.range(now);
    events.forEach((e, i) => checkEventTimes(e, `events[${i}]`, range));
    const refs = events.map((e, i) =>
      serviceRefOf(e.service, `events[${i}].service`),
    );
    await this.requireServices(refs, i => `events[${i}].service`);
    const items = events.map((e, i) => this.toItem(e, refs[i]));
    return this.store.ingest(items, source, now);
  }

  /**
   * A JUnit report: the service must exist before a byte of the report is read; the report
   * is then read, checked and stored as one test run (docs/delivery.md).
   */
  async ingestJunit(read: JunitSource, upload: JunitUpload, source: string) {
    const serviceRef = serviceRefOf(upload.service);
    await this.requireServices([serviceRef], () => 'service');
    const now = this.now();
    const range = this.range(now);
    const given = upload.finishedAt
      ? checkTime(new Date(upload.finishedAt), 'finishedAt', range)
      : undefined;
    const report = await read({
      ...range,
      maxBytes: this.settings.junitMaxBytes,
    });
    const run = report.run;
    const finishedAt =
      given ??
      (run.startedAt
        ? checkTime(
            new Date(run.startedAt.getTime() + run.durationSeconds * 1000),
            "the report's end (its earliest testsuite timestamp plus its time)",
            range,
          )
        : now);
    const stored = await this.store.ingest(
      [
        {
          kind: 'test_run',
          deliveryId: upload.deliveryId,
          contentHash: report.contentHash,
          value: {
            serviceRef,
            runId: upload.runId,
            source: 'junit',
            startedAt: run.startedAt,
            finishedAt,
            durationSeconds: run.durationSeconds,
            tests: run.tests,
            failures: run.failures,
            skipped: run.skipped,
            flakyTests: run.flakyTests,
            cases: run.cases,
            contentHash: report.contentHash,
          },
        },
      ],
      source,
      now,
    );
    return {
      ...stored,
      run: {
        service: serviceRef,
        runId: upload.runId,
        durationSeconds: run.durationSeconds,
        tests: run.tests,
        failures: run.failures,
        skipped: run.skipped,
        flakyTests: run.flakyTests,
      },
    };
  }

  /**
   * A GitHub webhook delivery (docs/delivery.md): mapped to records, attributed to the
   * component(s) of its repository, stored as one batch. An event delivery does not read, or
   * that no component of a shared repository claims, is acknowledged with the reason.
   */
  async ingestGithub(
    eventName: string,
    payload: unknown,
    delivery: { id?: string; contentHash: string },
  ): Promise<IngestResponse & { ignored?: string }> {
    const now = this.now();
    const event = mapGithubEvent(eventName, payload, this.range(now));
    if ('ignored' in event)
      return { accepted: 0, duplicates: 0, ignored: event.ignored };
    const candidates = await this.services.byRepository(event.repository);
    if (candidates.length === 0)
      throw new NotFoundError(
        `Unknown repository: ${event.repository} is not the github.com/project-slug of any component in the catalog`,
      );
    const items = attributeGithubRecord(
      event.record,
      candidates,
      this.settings,
      now,
    );
    if ('ignored' in items)
      return { accepted: 0, duplicates: 0, ignored: items.ignored };
    // Each record of the delivery under its own id: a redelivery is a duplicate of each.
    return this.store.ingest(
      items.map((item, i) => ({
        ...item,
        deliveryId:
          delivery.id && (i === 0 ? delivery.id : `${delivery.id}#${i}`),
        contentHash: delivery.contentHash,
      })),
      'github',
      now,
    );
  }

  /**
   * What PagerDuty, Opsgenie or Alertmanager sent (docs/delivery.md): each incident change of
   * it stored for the one component that claims it; the rest are named in `ignored`.
   */
  async ingestIncidentWebhook(
    source: IncidentSource,
    payload: unknown,
  ): Promise<IngestResponse & { ignored?: string }> {
    const now = this.now();
    const events = mapIncidentWebhook(source, payload, this.range(now));
    if ('ignored' in events)
      return { accepted: 0, duplicates: 0, ignored: events.ignored };
    const items: IngestItem[] = [];
    const ignored: string[] = [];
    for (const e of events) {
      const service = await componentOfIncident(e.claim, this.services);
      if ('unclaimed' in service)
        ignored.push(`${e.value.id}: ${service.unclaimed}`);
      else
        items.push({
          kind: 'incident',
          deliveryId: e.deliveryId,
          // Per change: Alertmanager re-sends a group with other alerts in it.
          contentHash: contentHash(e.value),
          value: { ...e.value, serviceRef: service.ref },
        });
    }
    const stored =
      items.length > 0
        ? await this.store.ingest(items, source, now)
        : { accepted: 0, duplicates: 0 };
    return ignored.length > 0
      ? { ...stored, ignored: ignored.slice(0, 10).join('; ') }
      : stored;
  }

  async ingestIncident(event: IncidentEvent, deliveryId?: string) {
    return this.ingestEvents(
      [{ ...event, deliveryId: event.deliveryId ?? deliveryId }],
      'incident-webhook',
    );
  }

  private async requireServices(
    refs: string[],
    field: (index: number) => string,
  ) {
    const found = await this.services.resolve(refs);
    const missing = refs
      .map((ref, i) => ({ ref, i }))
      .filter(({ ref }) => !found.has(ref));
    if (missing.length > 0) {
      const names = [...new Set(missing.map(m => m.ref))];
      throw new NotFoundError(
        `Unknown service: ${names.slice(0, 5).join(', ')}${
          names.length > 5 ? ` and ${names.length - 5} more` : ''
        } (${field(missing[0].i)}) not in the catalog; nothing was stored`,
      );
    }
  }

  private range(now: Date) {
    return acceptedTimes(now, this.settings.retentionDays);
  }

  private toItem(e: DeliveryEvent, serviceRef: string): IngestItem {
    const { deliveryId, ...content } = e;
    const hash = contentHash(content);
    return { ...this.toRecord(e, serviceRef, hash), contentHash: hash };
  }

  private toRecord(
    e: DeliveryEvent,
    serviceRef: string,
    hash: string,
  ): IngestItem {
    const d = dateOrUndefined;
    switch (e.type) {
      case 'deployment':
        return {
          kind: 'deployment',
          deliveryId: e.deliveryId,
          value: {
            id: e.id,
            serviceRef,
            environment: e.environment,
            production:
              e.production ??
              isProductionEnvironment(this.settings, e.environment),
            version: e.version,
            status: e.status,
            changeType: e.changeType ?? 'planned',
            triggeredBy: e.triggeredBy,
            selfService: e.selfService ?? true,
            commitSha: e.commitSha,
            firstCommitAt: d(e.firstCommitAt),
            pullRequests: e.pullRequests ?? [],
            queuedAt: d(e.queuedAt),
            startedAt: d(e.startedAt),
            finishedAt: d(e.finishedAt),
          },
        };
      case 'pull_request':
        return {
          kind: 'pull_request',
          deliveryId: e.deliveryId,
          value: {
            repository: e.repository,
            number: e.number,
            serviceRef,
            title: e.title,
            author: e.author,
            openedAt: new Date(e.openedAt),
            firstCommitAt: d(e.firstCommitAt),
            mergedAt: d(e.mergedAt),
            closedAt: d(e.closedAt),
            additions: e.additions,
            deletions: e.deletions,
            changedFiles: e.changedFiles,
            mergeCommitSha: e.mergeCommitSha,
          },
        };
      case 'review':
        return {
          kind: 'review',
          deliveryId: e.deliveryId,
          value: {
            repository: e.repository,
            number: e.number,
            reviewId: e.reviewId,
            reviewer: e.reviewer,
            state: e.state,
            submittedAt: new Date(e.submittedAt),
          },
        };
      case 'test_run':
        return {
          kind: 'test_run',
          deliveryId: e.deliveryId,
          value: {
            serviceRef,
            runId: e.id,
            source: 'api',
            startedAt: d(e.startedAt),
            finishedAt: new Date(e.finishedAt),
            durationSeconds: e.durationSeconds,
            tests: e.tests,
            failures: e.failures,
            skipped: e.skipped ?? 0,
            flakyTests: e.flakyTests ?? 0,
            contentHash: hash,
          },
        };
      default:
        return {
          kind: 'incident',
          deliveryId: e.deliveryId,
          value: {
            id: e.id,
            serviceRef,
            status: e.status,
            title: e.title,
            openedAt: new Date(e.openedAt),
            resolvedAt: d(e.resolvedAt),
            causedByDeploymentId: e.causedByDeploymentId,
          },
        };
    }
  }
}
