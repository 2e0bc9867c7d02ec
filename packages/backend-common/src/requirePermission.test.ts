import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { requirePermission } from './requirePermission';

const read = createPermission({
  name: 'thing.read',
  attributes: { action: 'read' },
  resourceType: 'thing',
});
const approve = createPermission({
  name: 'thing.approve',
  attributes: {},
});

describe('requirePermission', () => {
  it('passes on ALLOW, and names the permission and resource on DENY', async () => {
    const credentials = mockCredentials.user();
    await expect(
      requirePermission(
        mockServices.permissions.mock({
          authorize: async () => [{ result: AuthorizeResult.ALLOW }],
        }),
        approve,
        credentials,
      ),
    ).resolves.toBeUndefined();
    const deny = mockServices.permissions.mock({
      authorize: async () => [{ result: AuthorizeResult.DENY }],
    });
    await expect(
      requirePermission(deny, read, credentials, {
        ref: 'env-1',
        label: 'environment',
      }),
    ).rejects.toThrow(
      new NotAllowedError('Not allowed: thing.read on environment env-1'),
    );
    expect(deny.authorize).toHaveBeenCalledWith(
      [{ permission: read, resourceRef: 'env-1' }],
      { credentials },
    );
  });
});
