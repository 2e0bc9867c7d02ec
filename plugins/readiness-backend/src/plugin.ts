import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { registerReadinessActions } from './actions/registerReadinessActions';
import {
  BUILTIN_FACTS,
  CheckDefinition,
  PUSHED_FACTS,
  readinessPermissions,
} from '@internal/plugin-readiness-common';
import {
  FactProvider,
  readinessChecksExtensionPoint,
  readinessFactProvidersExtensionPoint,
} from '@internal/plugin-readiness-node';
import { builtinCheckFiles, configuredCheckFiles } from './checks/checkSources';
import { loadCheckFiles } from './checks/loadChecks';
import { validateCodeChecks } from './checks/validateCodeChecks';
import { DatabaseExemptionStore } from './database/DatabaseExemptionStore';
import { DatabaseFactStore } from './database/DatabaseFactStore';
import { DatabaseOverviewStore } from './database/DatabaseOverviewStore';
import { DatabaseResultStore } from './database/DatabaseResultStore';
import { applyDatabaseMigrations } from './database/migrations';
import { CatalogFactProvider } from './facts/CatalogFactProvider';
import { createRouter } from './service/createRouter';
import { readExampleFacts } from './facts/readExampleFacts';
import { AuthorizedReadinessService } from './services/AuthorizedReadinessService';
import { ReadinessEvaluator } from './services/ReadinessEvaluator';
import { ReadinessService } from './services/ReadinessService';

/** Readiness scorecards at /api/readiness. */
export const readinessPlugin = createBackendPlugin({
  pluginId: 'readiness',
  register(env) {
    const providers: FactProvider[] = [];
    const codeChecks: CheckDefinition[] = [];
    env.registerExtensionPoint(readinessFactProvidersExtensionPoint, {
      addFactProvider: (...p) => providers.push(...p),
    });
    env.registerExtensionPoint(readinessChecksExtensionPoint, {
      addChecks: (...c) => codeChecks.push(...c),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auditor: coreServices.auditor,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger } = deps;
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip)
          await applyDatabaseMigrations(knex);

        const allProviders = [
          new CatalogFactProvider(deps.catalog, deps.auth),
          ...providers,
        ];
        const declared = [
          ...BUILTIN_FACTS,
          ...providers.flatMap(p => p.declarations),
        ];
        const fromFiles = loadCheckFiles(
          [
            ...builtinCheckFiles(),
            ...configuredCheckFiles(
              config.getOptionalStringArray('readiness.checkFiles') ?? [],
            ),
          ],
          declared,
        );
        const fromCode = validateCodeChecks(codeChecks, declared);
        const checks = [...fromFiles.checks, ...fromCode.checks];
        const problems = [...fromFiles.problems, ...fromCode.problems];
        for (const p of problems) {
          logger.error(
            `Readiness check not loaded: ${p.file} ${p.field}: ${p.message}`,
          );
        }
        logger.info(`Loaded ${checks.length} readiness checks`);

        const facts = new DatabaseFactStore(knex);
        const results = new DatabaseResultStore(knex);
        const exemptions = new DatabaseExemptionStore(knex);
        const evaluator = new ReadinessEvaluator({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          providers: allProviders,
          declarations: declared,
          checks,
          facts,
          results,
          exemptions,
        });
        const service = new AuthorizedReadinessService(
          new ReadinessService({
            checks,
            checkProblems: problems,
            pushedFacts: PUSHED_FACTS,
            facts,
            results,
            exemptions,
            evaluator,
            exemptionMaxDays: config.getOptionalNumber(
              'readiness.exemptions.maxDays',
            ),
          }),
          new DatabaseOverviewStore(knex),
          deps.permissions,
        );
        deps.permissionsRegistry.addPermissions(readinessPermissions);

        const exampleFacts = config.getOptionalString(
          'readiness.exampleFactsFile',
        );
        if (exampleFacts) {
          const { changed } = await service.importExampleFacts(
            readExampleFacts(exampleFacts),
          );
          logger.info(
            `Imported example facts from ${exampleFacts} (${changed} changed)`,
          );
        }

        // Once across replicas: everything at start (so changed checks apply) and then on a timer.
        await deps.scheduler.scheduleTask({
          id: 'readiness-evaluate-all',
          frequency: {
            minutes:
              config.getOptionalNumber('readiness.evaluationIntervalMinutes') ??
              30,
          },
          timeout: {
            minutes:
              config.getOptionalNumber('readiness.evaluationTimeoutMinutes') ??
              10,
          },
          initialDelay: {
            seconds:
              config.getOptionalNumber(
                'readiness.startupEvaluationDelaySeconds',
              ) ?? 15,
          },
          fn: async () => {
            const started = Date.now();
            const summary = await evaluator.evaluateAll();
            // The duration tells operators how far below the timeout a run stays.
            logger.info(
              `Readiness evaluated ${JSON.stringify(summary)} in ${(
                (Date.now() - started) /
                1000
              ).toFixed(1)} s`,
            );
          },
        });
        const retentionDays =
          config.getOptionalNumber('readiness.factHistoryRetentionDays') ?? 180;
        await deps.scheduler.scheduleTask({
          id: 'readiness-prune-fact-history',
          frequency: { hours: 24 },
          timeout: { minutes: 10 },
          fn: async () => {
            const removed = await facts.pruneHistory(
              new Date(Date.now() - retentionDays * 86400_000),
            );
            logger.info(
              `Readiness pruned ${removed} fact history rows older than ${retentionDays} days`,
            );
          },
        });

        deps.httpRouter.use(
          createRouter({
            service,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
          }),
        );
        registerReadinessActions(deps.actionsRegistry, service);
      },
    });
  },
});
