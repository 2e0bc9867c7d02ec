import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';

/** The built-in check files shipped with this package, one per capability. */
export function builtinCheckFiles(): string[] {
  const dir = resolvePackagePath(
    '@internal/plugin-readiness-backend',
    'checks',
  );
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.yaml'))
    .sort()
    .map(f => path.join(dir, f));
}

/** Configured extra files, resolved against the backend's working directory. */
export function configuredCheckFiles(paths: string[]): string[] {
  return paths.map(p => path.resolve(p));
}
