// The comparison issue 3 asks for: the same entities and equivalent checks through Tech Insights'
// json-rules-engine checker (@backstage-community/plugin-tech-insights-backend-module-jsonfc), run
// right after Runway's evaluation, on the facts Runway stored. Tech Insights evaluates as its bulk
// endpoint POST /checks/run does: runChecks(entityRef, checkIds) per entity, 100 at a time (its
// default techInsights.checksRunConcurrency), reading facts from its own database store, fetching
// each entity from the catalog when checks have entity filters, storing no results.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import knexFactory from 'knex';
import YAML from 'yaml';
import { initializePersistenceContext } from '@backstage-community/plugin-tech-insights-backend';
import { JsonRulesEngineFactCheckerFactory } from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { root } from '../e2e/portal.mjs';

const CHECKS_DIR = path.join(root, 'plugins/readiness-backend/checks');
const CONCURRENCY = 100;
const VERSION = '1.0.0';

/** Runway's fact declarations, from the built readiness-common the benchmarked backend runs. */
function builtinFacts() {
  const require = createRequire(import.meta.url);
  return require(path.join(
    root,
    'dist-workspace/node_modules/@internal/plugin-readiness-common',
  )).BUILTIN_FACTS;
}

/** Runway's built-in checks, read from their YAML files as the backend loads them. */
export function runwayChecks() {
  return fs
    .readdirSync(CHECKS_DIR)
    .filter(f => f.endsWith('.yaml'))
    .sort()
    .flatMap(
      f => YAML.parse(fs.readFileSync(path.join(CHECKS_DIR, f), 'utf8')).checks,
    );
}

class Untranslatable extends Error {}

const OPERATORS = {
  equals: 'equal',
  notEquals: 'notEqual',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
  includes: 'contains',
};

/** A Runway rule as json-rules-engine conditions; collects the facts it reads. */
function conditionOf(rule, facts) {
  if ('all' in rule) return { all: rule.all.map(r => conditionOf(r, facts)) };
  if ('any' in rule) return { any: rule.any.map(r => conditionOf(r, facts)) };
  if ('not' in rule) {
    throw new Untranslatable('`not`: the jsonfc rule schema has no negation');
  }
  if (rule.exists !== undefined) {
    throw new Untranslatable(
      `\`exists\` on ${rule.fact}: Tech Insights skips a check whose fact is absent, and its rule schema allows no null value, so absence cannot fail a check`,
    );
  }
  if (rule.matches !== undefined) {
    throw new Untranslatable(
      '`matches`: json-rules-engine has no regular-expression operator',
    );
  }
  const op = Object.keys(OPERATORS).find(k => rule[k] !== undefined);
  facts.add(rule.fact);
  return { fact: rule.fact, operator: OPERATORS[op], value: rule[op] };
}

const retrieverOf = source => `runway-${source}`;

/**
 * Runway's checks as Tech Insights json-rules-engine checks. appliesTo becomes the check's entity
 * filter (kind, spec.type, spec.lifecycle; case-insensitive in both). A warn rule has no
 * equivalent (Tech Insights checks are boolean): a warn counts as a failure there.
 */
export function translateChecks(checks, declarations) {
  const sourceOf = new Map(declarations.map(d => [d.name, d.source]));
  const translated = [];
  const untranslated = [];
  for (const check of checks) {
    try {
      const facts = new Set();
      const condition = conditionOf(check.rule, facts);
      const scope = check.appliesTo ?? {};
      const filter = Object.fromEntries(
        [
          ['kind', scope.kinds],
          ['spec.type', scope.types],
          ['spec.lifecycle', scope.lifecycles],
        ].filter(([, values]) => values),
      );
      translated.push({
        id: check.id,
        type: 'json-rules-engine',
        name: check.title,
        description: check.description,
        factIds: [
          ...new Set([...facts].map(f => retrieverOf(sourceOf.get(f)))),
        ],
        rule: {
          conditions:
            'all' in condition || 'any' in condition
              ? condition
              : { all: [condition] },
        },
        ...(Object.keys(filter).length > 0 && { filter }),
      });
    } catch (error) {
      if (!(error instanceof Untranslatable)) throw error;
      untranslated.push({ id: check.id, reason: error.message });
    }
  }
  return {
    translated,
    untranslated,
    withWarn: checks.filter(c => c.warn && translated.some(t => t.id === c.id))
      .length,
  };
}

const SCHEMA_TYPES = {
  boolean: 'boolean',
  number: 'float',
  string: 'string',
  'string[]': 'set',
};

/** One Tech Insights fact schema (a "fact retriever") per Runway fact source. */
function factSchemas(declarations) {
  const bySource = new Map();
  for (const d of declarations) {
    const schema = bySource.get(d.source) ?? {};
    schema[d.name] = { type: SCHEMA_TYPES[d.type], description: d.description };
    bySource.set(d.source, schema);
  }
  return [...bySource].map(([source, schema]) => ({
    id: retrieverOf(source),
    version: VERSION,
    schema,
  }));
}

function parseRef(ref) {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return { kind, namespace, name };
}

/** Logger for Tech Insights: keeps warnings and errors to report, drops the rest. */
function quietLogger(problems) {
  const logger = {
    debug() {},
    info() {},
    warn: message => problems.push(`warn: ${message}`),
    error: message => problems.push(`error: ${message}`),
    child: () => logger,
  };
  return logger;
}

/**
 * The catalog as Tech Insights' fact checker uses it (getEntityByRef, once per runChecks when
 * checks have entity filters): over the portal's catalog API, as the backend's CatalogService does.
 */
function portalCatalog({ baseUrl, token }, stats) {
  return {
    async getEntityByRef(ref) {
      const { kind, namespace, name } = parseRef(ref);
      stats.lookups++;
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (res.status === 404) return undefined;
      if (!res.ok) throw new Error(`catalog answered ${res.status} for ${ref}`);
      return res.json();
    },
  };
}

/** The same entities fetched in bulk beforehand and served from memory: a lower bound. */
async function memoryCatalog({ baseUrl, token }, refs) {
  const entities = new Map();
  for (let i = 0; i < refs.length; i += 1000) {
    const entityRefs = refs.slice(i, i + 1000);
    const res = await fetch(`${baseUrl}/api/catalog/entities/by-refs`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ entityRefs }),
    });
    if (!res.ok) throw new Error(`catalog answered ${res.status} for by-refs`);
    (await res.json()).items.forEach((e, j) => entities.set(entityRefs[j], e));
  }
  return { getEntityByRef: async ref => entities.get(ref) ?? undefined };
}

/** runChecks for every entity, CONCURRENCY at a time (as POST /checks/run); wall-clock seconds. */
async function checkAll(checker, entities, checkIds) {
  const results = new Map();
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < entities.length) {
        const ref = entities[next++];
        results.set(ref, await checker.runChecks(ref, checkIds));
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, results };
}

const ANSWER = { pass: true, fail: false, warn: false };

/**
 * Runs the Tech Insights pass for every entity Runway evaluated, after Runway's evaluation.
 * `runway`: knex on Runway's readiness database; `techInsights`: knex on an empty database that
 * becomes Tech Insights' own store. `catalog`: { baseUrl, token } of the running portal.
 */
export async function runTechInsights({ runway, techInsights, catalog }) {
  const declarations = builtinFacts();
  const checks = runwayChecks();
  const { translated, untranslated, withWarn } = translateChecks(
    checks,
    declarations,
  );
  const problems = [];
  const logger = quietLogger(problems);

  // Tech Insights' own database store (its migrations, its tables), filled the way its fact
  // retrievers fill it: one row per retriever and entity, holding that entity's facts.
  const { techInsightsStore: store } = await initializePersistenceContext(
    { getClient: async () => techInsights },
    { logger },
  );
  for (const schema of factSchemas(declarations)) {
    await store.insertFactSchema(schema);
  }
  const sourceOf = new Map(declarations.map(d => [d.name, d.source]));
  // Runway keeps an entity's latest facts from one source as one JSON row:
  // readiness_fact_sets (entity_ref, source, facts: { [name]: { value, observedAt } }).
  const sets = await runway('readiness_fact_sets').select(
    'entity_ref',
    'facts',
  );
  const containers = new Map();
  for (const row of sets) {
    for (const [name, { value }] of Object.entries(JSON.parse(row.facts))) {
      const id = retrieverOf(sourceOf.get(name));
      const key = `${id}\u0000${row.entity_ref}`;
      let container = containers.get(key);
      if (!container) {
        container = { id, entity: parseRef(row.entity_ref), facts: {} };
        containers.set(key, container);
      }
      container.facts[name] = value;
    }
  }
  const loadStart = performance.now();
  const byRetriever = new Map();
  for (const { id, entity, facts } of containers.values()) {
    if (!byRetriever.has(id)) byRetriever.set(id, []);
    byRetriever.get(id).push({ entity, facts });
  }
  for (const [id, facts] of byRetriever) {
    await store.insertFacts({ id, facts });
  }
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const entities = (
    await runway('readiness_entities')
      .select('entity_ref')
      .orderBy('entity_ref')
  ).map(r => r.entity_ref);
  const stats = { lookups: 0, queries: 0 };
  const checkerWith = catalogService =>
    new JsonRulesEngineFactCheckerFactory({
      checks: translated,
      logger,
      catalog: catalogService,
      auth: { getOwnServiceCredentials: async () => ({}) },
    }).construct(store);
  const checker = checkerWith(portalCatalog(catalog, stats));
  // Tech Insights' own validation of each translated check against its rule schema and the
  // stored fact schemas (its constructor only logs failures): the bench stops on a rejected one.
  const rejected = [];
  for (const check of translated) {
    const v = await checker.validate(check);
    if (!v.valid) rejected.push({ id: check.id, reason: v.message });
  }
  if (rejected.length > 0) {
    throw new Error(
      `Tech Insights rejected translated checks: ${JSON.stringify(rejected)}`,
    );
  }
  const checkIds = translated.map(c => c.id);

  const countQuery = () => stats.queries++;
  techInsights.on('query', countQuery);
  const { seconds, results } = await checkAll(checker, entities, checkIds);
  techInsights.off('query', countQuery);
  const inMemory = await checkAll(
    checkerWith(await memoryCatalog(catalog, entities)),
    entities,
    checkIds,
  );

  return {
    seconds,
    memoryCatalogSeconds: inMemory.seconds,
    loadSeconds,
    entities: entities.length,
    checks: checks.length,
    translated: translated.length,
    untranslated,
    withWarn,
    catalogLookups: stats.lookups,
    queries: stats.queries,
    problems,
    agreement: await compare(runway, results, checkIds),
    memoryCatalogAgreement: await compare(runway, inMemory.results, checkIds),
  };
}

/**
 * Each (entity, translated check) compared with the result Runway stored (readiness_entity_results'
 * results: { [checkId]: { status, detail, changedAt } }): pass = true,
 * fail/warn = false, missing-data/not-applicable = no result (Tech Insights skips a check whose
 * facts are absent and filters out one whose entity filter does not match).
 */
async function compare(runway, results, checkIds) {
  const translated = new Set(checkIds);
  const stored = (
    await runway('readiness_entity_results').select('entity_ref', 'results')
  ).flatMap(row =>
    Object.entries(JSON.parse(row.results)).map(([id, { status }]) => ({
      ref: row.entity_ref,
      id,
      status,
    })),
  );
  let agree = 0;
  const agreeOn = { pass: 0, fail: 0, 'no result': 0 };
  const disagreements = new Map();
  for (const { ref, id, status } of stored) {
    if (!translated.has(id) || !results.has(ref)) continue;
    const expected = ANSWER[status];
    const actual = results.get(ref).find(r => r.check.id === id)?.result;
    if (expected === actual) {
      agree++;
      agreeOn[
        expected === undefined ? 'no result' : expected ? 'pass' : 'fail'
      ]++;
    } else {
      const key = `${id}: Runway ${status}, Tech Insights ${
        actual === undefined ? 'no result' : actual
      }`;
      disagreements.set(key, (disagreements.get(key) ?? 0) + 1);
    }
  }
  const disagree = [...disagreements.values()].reduce((a, b) => a + b, 0);
  return {
    agree,
    agreeOn,
    disagree,
    compared: agree + disagree,
    disagreements,
  };
}

/** A knex client the way the backend configures one for the given database. */
export function databaseClient(config) {
  return knexFactory({ useNullAsDefault: true, ...config });
}
