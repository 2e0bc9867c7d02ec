import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

describe('files generated from the OpenAPI specs', () => {
  it('are up to date: routers, -common clients and types, and the catalog API entities', () => {
    // Regenerates everything in memory and compares it with the files on disk.
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/openapi-router.mjs'), '--check'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
