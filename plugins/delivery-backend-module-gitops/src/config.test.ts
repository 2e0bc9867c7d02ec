import { ConfigReader } from '@backstage/config';
import { readGitopsDeployConfig } from './config';

const read = (gitops: object) =>
  readGitopsDeployConfig(
    new ConfigReader({ delivery: { drivers: { gitops } } }),
  );

describe('readGitopsDeployConfig', () => {
  it('fills in the defaults', () => {
    expect(read({ localPath: '/srv/gitops' })).toEqual({
      repository: { kind: 'local', path: '/srv/gitops' },
      branch: 'main',
      author: { name: 'Runway', email: 'runway@localhost' },
      basePath: 'apps',
      imagePrefix: '',
    });
  });

  it.each([
    [
      { localPath: 'a', url: 'file:///b' },
      'delivery.drivers.gitops: set exactly one',
    ],
    [
      { localPath: 'a', basePath: '../x' },
      'delivery.drivers.gitops.basePath: "../x"',
    ],
    [
      { localPath: 'a', branch: 'a..b' },
      'delivery.drivers.gitops.branch: "a..b"',
    ],
    [
      { localPath: 'a', imagePrefix: 'reg/Team/' },
      'delivery.drivers.gitops.imagePrefix: "reg/Team/"',
    ],
    [{ url: 'https://x', token: 't', password: 'p' }, 'token or password'],
  ])('refuses %j, naming the key', (gitops, message) => {
    expect(() => read(gitops)).toThrow(message);
  });
});
