import { ResourceDriver } from '@internal/plugin-environments-node';
import path from 'node:path';
import { ConfigDriver } from '../drivers/ConfigDriver';
import { loadClasses, readClassFile } from './loadClasses';

/** Accepts what the named parameters allow, like the postgres and gitops drivers do. */
const permissive = (type: string, known: string[]): ResourceDriver => ({
  type,
  description: type,
  validateParameters: p =>
    Object.keys(p)
      .filter(k => !known.includes(k))
      .map(k => `parameters.${k}: unknown parameter`),
  provision: async () => ({ outputs: {} }),
  teardown: async () => {},
});

const drivers = new Map<string, ResourceDriver>([
  ['config', new ConfigDriver()],
  ['postgres', permissive('postgres', ['extensions', 'connectionLimit'])],
  ['gitops', permissive('gitops', ['cpu', 'memory', 'pods'])],
]);

describe('loadClasses', () => {
  it('loads the example classes without problems', () => {
    const file = path.resolve(
      __dirname,
      '../../../../examples/environments/classes.yaml',
    );
    const loaded = loadClasses([readClassFile(file)], drivers);
    expect(loaded.problems).toEqual([]);
    expect(loaded.classes.map(c => [c.id, c.approval.required])).toEqual([
      ['preview', false],
      ['sandbox', true],
    ]);
  });

  it('reports each broken class by source and field, and keeps the others', () => {
    const loaded = loadClasses(
      [
        {
          source: 'app-config',
          definitions: [
            {
              id: 'ok',
              title: 'OK',
              ttl: { defaultHours: 1, maxHours: 2 },
              resources: [{ name: 'c', type: 'config' }],
            },
            {
              id: 'Bad Id',
              title: 'x',
              ttl: { defaultHours: 1, maxHours: 2 },
              resources: [{ name: 'c', type: 'config' }],
            },
            {
              id: 'dup-resource',
              title: 'x',
              ttl: { defaultHours: 1, maxHours: 2 },
              resources: [
                { name: 'c', type: 'config' },
                { name: 'c', type: 'config' },
              ],
            },
            {
              id: 'bad-defaults',
              title: 'x',
              ttl: { defaultHours: 1, maxHours: 2 },
              resources: [
                { name: 'db', type: 'postgres', parameters: { sizeGb: 3 } },
              ],
            },
          ],
        },
        {
          source: 'other.yaml',
          definitions: [
            {
              id: 'ok',
              title: 'again',
              ttl: { defaultHours: 1, maxHours: 2 },
              resources: [{ name: 'c', type: 'config' }],
            },
          ],
        },
        readClassFile('/no/such/file.yaml'),
      ],
      drivers,
    );
    expect(loaded.classes.map(c => c.id)).toEqual(['ok']);
    expect(loaded.problems.map(p => [p.source, p.field])).toEqual([
      ['app-config', 'classes[1].id'],
      ['app-config', 'classes[2].resources[1].name'],
      ['app-config', 'classes[3].resources[0].parameters.sizeGb'],
      ['other.yaml', 'classes[0].id'],
      ['/no/such/file.yaml', '(file)'],
    ]);
    expect(loaded.problems[3].message).toBe(
      '"ok" is already defined in app-config',
    );
  });
});
