import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AuthResolverCatalogUserQuery,
  AuthResolverContext,
} from '@backstage/plugin-auth-node';
import { catalogUserMatchingEmail } from './catalogUserMatchingEmail';

function user(name: string, email?: string, memberOf: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { profile: email ? { email } : {}, memberOf },
    relations: memberOf.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  };
}

/**
 * A resolver context over a list of entities. It answers as the catalog does: filter values and
 * names compare case-insensitively, several matches are a ConflictError, none a NotFoundError.
 * Tokens are the claims as JSON, so tests read what would be signed.
 */
function catalogContext(entities: Entity[]): AuthResolverContext {
  const lower = (v: unknown) => String(v).toLowerCase();
  const find = async (query: AuthResolverCatalogUserQuery) => {
    let found: Entity[];
    if ('filter' in query) {
      const filter = query.filter as Record<string, string>;
      found = entities.filter(e =>
        Object.entries(filter).every(([key, value]) => {
          const actual = key
            .split('.')
            .reduce<any>((o, k) => o?.[k], { ...e, kind: e.kind });
          return actual !== undefined && lower(actual) === lower(value);
        }),
      );
    } else if ('entityRef' in query && typeof query.entityRef === 'object') {
      const { name } = query.entityRef;
      found = entities.filter(
        e => e.kind === 'User' && lower(e.metadata.name) === lower(name),
      );
    } else {
      throw new Error(`unexpected query ${JSON.stringify(query)}`);
    }
    if (found.length > 1)
      throw new ConflictError('User lookup resulted in multiple matches');
    if (found.length === 0) throw new NotFoundError('User not found');
    return { entity: found[0] };
  };
  return {
    findCatalogUser: find,
    async resolveOwnershipEntityRefs(entity) {
      return {
        ownershipEntityRefs: [
          stringifyEntityRef(entity),
          ...(entity.relations ?? [])
            .filter(r => r.type === 'memberOf')
            .map(r => r.targetRef),
        ],
      };
    },
    async issueToken({ claims }) {
      return { token: JSON.stringify(claims) };
    },
    async signInWithCatalogUser() {
      throw new Error('the resolver issues its own token');
    },
  };
}

const catalog = catalogContext([
  user('priya.nair', 'priya.nair@skyline.example', [
    'platform-team',
    'data-team',
  ]),
  user('alex.moreno', 'alex.moreno@skyline.example', ['platform-team']),
  user('legacy.user', undefined, ['web-team']),
  user('twin.one', 'shared@skyline.example'),
  user('twin.two', 'shared@skyline.example'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'ghost-group' },
    spec: { profile: { email: 'ghost@skyline.example' } },
  },
]);

async function signIn(
  email: string | undefined,
  options?: Parameters<typeof catalogUserMatchingEmail>[0],
) {
  const resolver = catalogUserMatchingEmail(options);
  const result = await resolver(
    { profile: { email }, result: {} as any },
    catalog,
  );
  return JSON.parse(result.token);
}

describe('catalogUserMatchingEmail', () => {
  it('signs in as the user with the email, claiming the user and their groups', async () => {
    await expect(signIn('priya.nair@skyline.example')).resolves.toEqual({
      sub: 'user:default/priya.nair',
      ent: [
        'user:default/priya.nair',
        'group:default/platform-team',
        'group:default/data-team',
      ],
    });
  });

  it('compares the email case-insensitively', async () => {
    await expect(signIn(' Alex.Moreno@Skyline.EXAMPLE')).resolves.toMatchObject(
      { sub: 'user:default/alex.moreno' },
    );
  });

  it('refuses a person the catalog does not know, saying who to ask', async () => {
    await expect(signIn('nobody@skyline.example')).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'Sign-in refused: no catalog user with email nobody@skyline.example; ask the platform team to add you',
    });
  });

  it('never signs in as an entity that is not a User', async () => {
    await expect(signIn('ghost@skyline.example')).rejects.toThrow(
      'no catalog user with email ghost@skyline.example',
    );
  });

  it('does not strip a +tag to find someone else', async () => {
    await expect(signIn('alex.moreno+x@skyline.example')).rejects.toThrow(
      'no catalog user with email alex.moreno+x@skyline.example',
    );
  });

  it('refuses when the provider gave no verified email', async () => {
    await expect(signIn(undefined)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('did not give a verified email'),
    });
  });

  it('refuses when two users share the email instead of picking one', async () => {
    await expect(signIn('shared@skyline.example')).rejects.toThrow(
      'more than one catalog user has the email shared@skyline.example',
    );
  });

  it('refuses emails outside allowedDomains before looking anyone up', async () => {
    await expect(
      signIn('priya.nair@skyline.example.evil', {
        allowedDomains: ['Skyline.example'],
      }),
    ).rejects.toThrow(
      'priya.nair@skyline.example.evil is not an address of skyline.example',
    );
    await expect(
      signIn('priya.nair@skyline.example', {
        allowedDomains: ['Skyline.example'],
      }),
    ).resolves.toMatchObject({ sub: 'user:default/priya.nair' });
  });

  describe('with fallbackToEmailLocalPart', () => {
    it('is off by default', async () => {
      await expect(signIn('legacy.user@skyline.example')).rejects.toThrow(
        'no catalog user with email legacy.user@skyline.example',
      );
    });

    it('signs in as the user named like the local part when it has no email', async () => {
      await expect(
        signIn('Legacy.User@skyline.example', {
          fallbackToEmailLocalPart: true,
        }),
      ).resolves.toEqual({
        sub: 'user:default/legacy.user',
        ent: ['user:default/legacy.user', 'group:default/web-team'],
      });
    });

    it('refuses when that user has a different email', async () => {
      await expect(
        signIn('alex.moreno@contractor.example', {
          fallbackToEmailLocalPart: true,
        }),
      ).rejects.toThrow(
        'the catalog user alex.moreno has the email alex.moreno@skyline.example, not alex.moreno@contractor.example',
      );
    });

    it('still refuses when neither the email nor the name is known', async () => {
      await expect(
        signIn('nobody@skyline.example', { fallbackToEmailLocalPart: true }),
      ).rejects.toThrow('no catalog user with email nobody@skyline.example');
    });
  });
});
