#!/usr/bin/env node
// Writes a backend plugin's src/schema/openapi/generated/router.ts from its src/schema/openapi.yaml:
// the spec as a const (so backend-openapi-utils types every route from it) and the validated router.
// Upstream generates this with `backstage-repo-tools package schema openapi generate --server`,
// which needs a Maven jar these machines cannot download. Each plugin's openapi.test.ts fails when
// the two files differ.
//   node scripts/openapi-router.mjs plugins/<name>-backend [...more]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);

function generate(pluginDir) {
  const dir = path.resolve(root, pluginDir);
  const yamlFile = path.join(dir, 'src/schema/openapi.yaml');
  const spec = parse(fs.readFileSync(yamlFile, 'utf8'));
  const title = spec.info?.title ?? path.basename(dir);
  const out = path.join(dir, 'src/schema/openapi/generated/router.ts');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `// Generated from ../../openapi.yaml by scripts/openapi-router.mjs; do not edit by hand.
// openapi.test.ts fails when the two differ.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

/** The ${title} router, validating every request against the spec. */
export const createOpenApiRouter = (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`,
  );
  execFileSync(
    path.join(root, 'node_modules/.bin/prettier'),
    ['--write', out],
    {
      stdio: 'ignore',
    },
  );
  console.log(`openapi: wrote ${path.relative(root, out)}`);
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error(
    'usage: node scripts/openapi-router.mjs plugins/<name>-backend [...]',
  );
  process.exit(2);
}
for (const dir of dirs) generate(dir);
