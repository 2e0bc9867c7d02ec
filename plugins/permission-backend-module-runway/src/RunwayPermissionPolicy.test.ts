import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { catalogEntityDeletePermission } from '@backstage/plugin-catalog-common/alpha';
import { taskCancelPermission } from '@backstage/plugin-scaffolder-common/alpha';
import {
  deliveryDeployPermission,
  deliveryDeployReadPermission,
  deliveryIngestPermission,
} from '@internal/plugin-delivery-common';
import {
  environmentApprovePermission,
  environmentReadPermission,
  environmentTeardownPermission,
} from '@internal/plugin-environments-common';
import {
  readinessExemptionManagePermission,
  readinessFactsPushPermission,
} from '@internal/plugin-readiness-common';
import { RunwayPermissionPolicy } from './RunwayPermissionPolicy';

const platform = 'group:default/platform-team';
const members: Record<string, string[]> = {
  'user:default/ana': ['user:default/ana', 'group:default/payments-team'],
  'user:default/pat': ['user:default/pat', platform],
};

function policy(visibility?: string) {
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return { userEntityRef: ref, ownershipEntityRefs: members[ref] ?? [ref] };
    },
  });
  return RunwayPermissionPolicy.fromConfig(
    new ConfigReader({
      runway: { platformTeam: 'Platform-Team' },
      permission: { runway: { visibility } },
    }),
    userInfo,
  );
}

const as = (ref: string) => ({
  credentials: mockCredentials.user(ref),
  info: { userEntityRef: ref, ownershipEntityRefs: [] },
});

describe('RunwayPermissionPolicy', () => {
  it('lets the platform team do everything, including permissions it does not list', async () => {
    const p = policy();
    const unknown = createPermission({
      name: 'something.new.delete',
      attributes: { action: 'delete' },
    });
    for (const permission of [environmentApprovePermission, unknown]) {
      await expect(
        p.handle({ permission }, as('user:default/pat')),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  it('gives owners a conditional decision on their resources, by resource type', async () => {
    const p = policy();
    const ana = as('user:default/ana');
    const claims = ['user:default/ana', 'group:default/payments-team'];
    expect(
      await p.handle({ permission: deliveryDeployPermission }, ana),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims },
      },
    });
    expect(
      await p.handle({ permission: environmentTeardownPermission }, ana),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'environments',
      resourceType: 'environment',
      conditions: {
        rule: 'IS_ENVIRONMENT_OWNER',
        resourceType: 'environment',
        params: { claims },
      },
    });
    expect(await p.handle({ permission: taskCancelPermission }, ana)).toEqual(
      expect.objectContaining({
        result: AuthorizeResult.CONDITIONAL,
        resourceType: 'scaffolder-task',
        conditions: expect.objectContaining({
          params: { createdBy: ['user:default/ana'] },
        }),
      }),
    );
    expect(
      (await p.handle({ permission: readinessExemptionManagePermission }, ana))
        .result,
    ).toBe(AuthorizeResult.CONDITIONAL);
    expect(
      (await p.handle({ permission: catalogEntityDeletePermission }, ana))
        .result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });

  it("denies users what is the platform team's or automation's, and unknown mutating permissions", async () => {
    const p = policy();
    const ana = as('user:default/ana');
    const unknown = createPermission({
      name: 'something.new.delete',
      attributes: { action: 'delete' },
    });
    for (const permission of [
      environmentApprovePermission,
      deliveryIngestPermission,
      readinessFactsPushPermission,
      unknown,
    ]) {
      expect((await p.handle({ permission }, ana)).result).toBe(
        AuthorizeResult.DENY,
      );
    }
  });

  it('lets everyone read, or only owners when visibility is owners', async () => {
    const ana = as('user:default/ana');
    const unknownRead = createPermission({
      name: 'something.new.read',
      attributes: { action: 'read' },
    });
    for (const permission of [
      deliveryDeployReadPermission,
      environmentReadPermission,
      unknownRead,
    ]) {
      expect((await policy().handle({ permission }, ana)).result).toBe(
        AuthorizeResult.ALLOW,
      );
    }
    const owners = policy('owners');
    expect(
      (await owners.handle({ permission: deliveryDeployReadPermission }, ana))
        .result,
    ).toBe(AuthorizeResult.CONDITIONAL);
    expect(
      (await owners.handle({ permission: environmentReadPermission }, ana))
        .result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });

  it('denies everything to a request without a user', async () => {
    expect(
      (await policy().handle({ permission: deliveryDeployReadPermission }))
        .result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('names the config key when the settings are wrong', () => {
    const userInfo = mockServices.userInfo.mock();
    expect(() =>
      RunwayPermissionPolicy.fromConfig(new ConfigReader({}), userInfo),
    ).toThrow(/runway\.platformTeam must name/);
    expect(() =>
      RunwayPermissionPolicy.fromConfig(
        new ConfigReader({ runway: { platformTeam: 'user:default/pat' } }),
        userInfo,
      ),
    ).toThrow('runway.platformTeam: "user:default/pat"');
    expect(() =>
      RunwayPermissionPolicy.fromConfig(
        new ConfigReader({
          runway: { platformTeam: 'platform' },
          permission: { runway: { visibility: 'nobody' } },
        }),
        userInfo,
      ),
    ).toThrow(/permission\.runway\.visibility: "nobody"/);
  });
});
