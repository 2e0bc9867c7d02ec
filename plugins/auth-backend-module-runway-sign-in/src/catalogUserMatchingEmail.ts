import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthResolverCatalogUserQuery,
  AuthResolverContext,
  createSignInResolverFactory,
} from '@backstage/plugin-auth-node';
import { z } from 'zod/v3';

const ASK = 'ask the platform team';

/**
 * Signs a person in as the catalog User whose `spec.profile.email` is their verified email
 * (compared case-insensitively), with the user and their groups as ownership claims.
 *
 * Unlike upstream `emailMatchingUserEntityProfileEmail` it has no "sign in without a catalog
 * user" escape hatch and no `+tag` stripping, and every refusal tells the person what to do
 * (upstream says "User not found").
 *
 * Options:
 * - `allowedDomains`: refuse emails of other domains before looking anything up.
 * - `fallbackToEmailLocalPart`: when no User has the email, accept the User named like the
 *   email's local part, provided that User has no other email. For catalogs without emails.
 */
export const catalogUserMatchingEmail = createSignInResolverFactory({
  optionsSchema: z
    .object({
      allowedDomains: z.array(z.string()).optional(),
      fallbackToEmailLocalPart: z.boolean().optional(),
    })
    .optional(),
  create(options = {}) {
    const allowedDomains = options.allowedDomains?.map(d => d.toLowerCase());
    return async ({ profile }, ctx) => {
      if (!profile.email) {
        throw new NotAllowedError(
          `Sign-in refused: the identity provider did not give a verified email for you; ${ASK} to check the single sign-on set-up`,
        );
      }
      const email = profile.email.trim().toLowerCase();
      const at = email.lastIndexOf('@');
      const localPart = email.slice(0, at);
      const domain = email.slice(at + 1);
      if (at < 1 || !domain) {
        throw new NotAllowedError(
          `Sign-in refused: "${profile.email}" is not an email address`,
        );
      }
      if (allowedDomains && !allowedDomains.includes(domain)) {
        throw new NotAllowedError(
          `Sign-in refused: ${email} is not an address of ${allowedDomains.join(
            ', ',
          )}`,
        );
      }

      let entity = await findUser(ctx, {
        filter: { kind: 'User', 'spec.profile.email': email },
      }).catch(error => {
        if (error?.name === 'ConflictError') {
          throw new NotAllowedError(
            `Sign-in refused: more than one catalog user has the email ${email}; ${ASK} to fix the catalog`,
          );
        }
        throw error;
      });
      if (!entity && options.fallbackToEmailLocalPart) {
        entity = await findUser(ctx, {
          entityRef: { kind: 'User', name: localPart },
        });
        const itsEmail = entity?.spec?.profile as
          | { email?: string }
          | undefined;
        if (entity && itsEmail?.email) {
          throw new NotAllowedError(
            `Sign-in refused: the catalog user ${localPart} has the email ${itsEmail.email}, not ${email}; ${ASK} to fix the catalog`,
          );
        }
      }
      if (!entity) {
        throw new NotAllowedError(
          `Sign-in refused: no catalog user with email ${email}; ${ASK} to add you`,
        );
      }

      const { ownershipEntityRefs } = await ctx.resolveOwnershipEntityRefs(
        entity,
      );
      return ctx.issueToken({
        claims: { sub: stringifyEntityRef(entity), ent: ownershipEntityRefs },
      });
    };
  },
});

/** The one User the query finds, or undefined; other errors (conflict, catalog down) propagate. */
async function findUser(
  ctx: AuthResolverContext,
  query: AuthResolverCatalogUserQuery,
): Promise<Entity | undefined> {
  try {
    return (await ctx.findCatalogUser(query)).entity;
  } catch (error) {
    if ((error as Error)?.name === 'NotFoundError') return undefined;
    throw error;
  }
}
