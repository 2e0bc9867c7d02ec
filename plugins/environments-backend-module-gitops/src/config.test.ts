import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { readGitopsDriverConfig } from './config';

const read = (gitops: object, backend: object = {}) =>
  readGitopsDriverConfig(
    new ConfigReader({ backend, environments: { drivers: { gitops } } }),
  );

describe('readGitopsDriverConfig', () => {
  it('fills in the defaults and keeps the clone under the backend working directory', () => {
    expect(
      read(
        { url: 'https://git.example.com/gitops.git', token: 't' },
        { workingDirectory: '/var/runway' },
      ),
    ).toEqual({
      repository: {
        kind: 'remote',
        url: 'https://git.example.com/gitops.git',
        credentials: { username: 'x-access-token', secret: 't' },
        workDirectory: '/var/runway/runway-gitops',
      },
      branch: 'main',
      author: { name: 'Runway', email: 'runway@localhost' },
      basePath: 'envs',
      namespacePrefix: '',
      limits: {
        maxCpu: '8',
        maxCpuMillis: 8000,
        maxMemory: '16Gi',
        maxMemoryBytes: 16 * 2 ** 30,
        maxPods: 50,
      },
    });
    expect(
      read({ url: 'https://git.example.com/gitops.git' })?.repository,
    ).toMatchObject({
      workDirectory: path.join(os.tmpdir(), 'runway-gitops'),
    });
    expect(read({ localPath: 'gitops' })?.repository).toEqual({
      kind: 'local',
      path: path.resolve('gitops'),
    });
  });

  it('is undefined without the section', () => {
    expect(
      readGitopsDriverConfig(new ConfigReader({ environments: {} })),
    ).toBeUndefined();
  });

  it.each([
    [{ localPath: 'a', basePath: '../outside' }, 'basePath: "../outside"'],
    [{ localPath: 'a', basePath: '/abs' }, 'basePath: "/abs"'],
    [{ localPath: 'a', branch: 'a..b' }, 'branch: "a..b"'],
    [{ localPath: 'a', namespacePrefix: 'Env_' }, 'namespacePrefix: "Env_"'],
    [{ localPath: 'a', limits: { maxCpu: 'many' } }, 'limits.maxCpu: "many"'],
    [{ localPath: 'a', limits: { maxMemory: '1X' } }, 'limits.maxMemory: "1X"'],
    [{ url: 'https://x', token: 't', password: 'p' }, 'token or password'],
  ])('refuses %j, naming the key', (gitops, message) => {
    expect(() => read(gitops)).toThrow(message);
  });
});
