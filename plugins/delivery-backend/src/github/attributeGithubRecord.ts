import { minimatch } from 'minimatch';
import { IngestItem } from '../database/IngestStore';
import { earliest } from '../lib/time';
import { ServiceInfo } from '../services/ServiceCatalog';
import {
  DeliverySettings,
  isProductionEnvironment,
} from '../services/settings';
import { GithubDeploymentRecord, GithubRecord } from './mapGithubEvent';

/**
 * The records a GitHub event becomes for the components that share its repository. One
 * component: all of it is that component's (a push only as far as it touches the component's
 * `runway.dev/source-paths`, when it names any). Several (a monorepo), each event needs a
 * claim: a push by its changed files (`runway.dev/source-paths`), a pull request and its
 * reviews by a label (`runway.dev/github-labels`, e.g. set from paths by actions/labeler), a CI
 * run by its workflow file or check name (`runway.dev/github-workflows`), a deployment by its
 * payload's `service` or an environment named `<component>/<environment>`. Returns the items
 * to store, or why none (an event no component claims is acknowledged, not refused).
 */
export function attributeGithubRecord(
  record: GithubRecord,
  candidates: ServiceInfo[],
  settings: DeliverySettings,
  now: Date,
): IngestItem[] | { ignored: string } {
  const shared = candidates.length > 1;
  const unclaimed = (how: string) => ({
    ignored: `${record.kind} in a repository ${candidates.length} components share, and none claims it (${how})`,
  });
  switch (record.kind) {
    case 'pull_request':
    case 'review': {
      const [service] = shared
        ? candidates.filter(c =>
            c.githubLabels?.some(l => record.labels.includes(l)),
          )
        : candidates;
      if (!service) return unclaimed('runway.dev/github-labels');
      const pullRequest =
        record.kind === 'review' ? record.pullRequest : record.value;
      const items: IngestItem[] = [
        {
          kind: 'pull_request',
          value: { ...pullRequest, serviceRef: service.ref },
        },
      ];
      if (record.kind === 'review')
        items.push({ kind: 'review', value: record.value });
      return items;
    }
    case 'deployment': {
      const service = shared
        ? candidates.find(c => claimsDeployment(c, record.value))
        : candidates[0];
      if (!service)
        return unclaimed(
          "a payload service or an environment named '<component>/<environment>'",
        );
      return [deploymentItem(record.value, service, settings)];
    }
    case 'push': {
      const items: IngestItem[] = [];
      for (const service of candidates) {
        const commits = service.sourcePaths
          ? record.value.commits.filter(c =>
              c.files.some(f =>
                service.sourcePaths!.some(g => minimatch(f, g, { dot: true })),
              ),
            )
          : record.value.commits;
        if (commits.length === 0 || (shared && !service.sourcePaths)) continue;
        const pushedAt = record.value.pushedAt;
        items.push({
          kind: 'push',
          value: {
            repository: record.value.repository,
            serviceRef: service.ref,
            ref: record.value.ref,
            before: record.value.before,
            after: record.value.after,
            forced: record.value.forced,
            pushedAt:
              pushedAt &&
              Math.abs(pushedAt.getTime() - now.getTime()) < 86_400_000
                ? pushedAt
                : now,
            firstCommitAt: earliest(...commits.map(c => c.at)),
            commits: commits.length,
          },
        });
      }
      return items.length > 0
        ? items
        : {
            ignored:
              'push touching no runway.dev/source-paths of its components',
          };
    }
    default: {
      const workflow = record.workflow;
      const [service] = shared
        ? candidates.filter(c =>
            c.githubWorkflows?.some(
              w =>
                w === workflow ||
                w === record.value.name ||
                (workflow && workflow.endsWith(`/${w}`)),
            ),
          )
        : candidates;
      if (!service) return unclaimed('runway.dev/github-workflows');
      return [
        { kind: 'ci_run', value: { ...record.value, serviceRef: service.ref } },
      ];
    }
  }
}

function claimsDeployment(
  service: ServiceInfo,
  d: GithubDeploymentRecord,
): boolean {
  const name = service.ref.split('/')[1];
  if (d.service)
    return (
      d.service.toLocaleLowerCase('en-US') === name ||
      d.service.toLocaleLowerCase('en-US') === service.ref
    );
  return d.githubEnvironment.toLocaleLowerCase('en-US').startsWith(`${name}/`);
}

/** Common names of GitHub environments, by the tier they mean. */
const ALIASES: Record<string, 'production' | 'staging' | 'development'> = {
  production: 'production',
  prod: 'production',
  live: 'production',
  staging: 'staging',
  stage: 'staging',
  preprod: 'staging',
  development: 'development',
  dev: 'development',
};

/**
 * A GitHub environment name as one of the service's environments: the component's own
 * mapping (`runway.dev/github-environments`), else the deploy path's environment of that name
 * (any case), else the deploy path's environment of the tier a common name means
 * (`production` -> the production environment), else the name itself, lower case.
 */
export function environmentOf(
  githubEnvironment: string,
  service: ServiceInfo,
  settings: DeliverySettings,
): string {
  const name = service.ref.split('/')[1];
  let github = githubEnvironment.trim();
  if (github.toLocaleLowerCase('en-US').startsWith(`${name}/`))
    github = github.slice(name.length + 1);
  const lower = github.toLocaleLowerCase('en-US');
  const mapped = service.githubEnvironments?.get(lower);
  if (mapped) return mapped;
  const path = service.deployPath ?? settings.environments.map(e => e.name);
  const same = path.find(e => e.toLocaleLowerCase('en-US') === lower);
  if (same) return same;
  const tier = ALIASES[lower];
  const ofTier =
    tier &&
    path.find(
      e => settings.environments.find(c => c.name === e)?.tier === tier,
    );
  return ofTier ?? lower;
}

function deploymentItem(
  d: GithubDeploymentRecord,
  service: ServiceInfo,
  settings: DeliverySettings,
): IngestItem {
  const { githubEnvironment, productionEnvironment, service: _, ...rest } = d;
  const environment = environmentOf(githubEnvironment, service, settings);
  return {
    kind: 'deployment',
    value: {
      ...rest,
      serviceRef: service.ref,
      environment,
      production:
        productionEnvironment ?? isProductionEnvironment(settings, environment),
      selfService: true,
      pullRequests: [],
    },
  };
}
