import { Entity } from '@backstage/catalog-model';
import { isOwnedKind, ownerProblems, ownerRefOf } from './ownerRules';

const component = (owner?: string, namespace = 'default'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', namespace },
  spec: { type: 'service', lifecycle: 'production', owner },
});

describe('ownerRefOf', () => {
  it('defaults to a group in the entity namespace, lowercased', () => {
    expect(ownerRefOf(component('Payments-Team', 'travel'))).toBe(
      'group:travel/payments-team',
    );
    expect(ownerRefOf(component('user:default/ana'))).toBe('user:default/ana');
    expect(ownerRefOf(component(undefined))).toBeUndefined();
    expect(ownerRefOf(component('group:'))).toBeUndefined();
  });
});

describe('ownerProblems', () => {
  it('is clean for an existing group with members, or a user', () => {
    expect(
      ownerProblems(component('payments-team'), {
        ref: 'group:default/payments-team',
        kind: 'group',
        memberCount: 3,
      }),
    ).toEqual([]);
    expect(
      ownerProblems(component('user:ana'), {
        ref: 'user:default/ana',
        kind: 'user',
        memberCount: 1,
      }),
    ).toEqual([]);
  });

  it('reports a missing, unresolvable, non-owner-kind or empty owner', () => {
    expect(ownerProblems(component(''), undefined)).toEqual([
      expect.objectContaining({
        code: 'owner-missing',
        message: 'spec.owner is not set',
      }),
    ]);
    expect(ownerProblems(component('legacy-team'), undefined)).toEqual([
      {
        code: 'owner-unresolved',
        level: 'error',
        field: 'spec.owner',
        message:
          'spec.owner "legacy-team" does not resolve: no Group group:default/legacy-team in the catalog',
      },
    ]);
    expect(
      ownerProblems(component('system:default/x'), undefined)[0].message,
    ).toBe(
      'spec.owner "system:default/x" is a system; an owner is a Group or a User',
    );
    expect(
      ownerProblems(component('ghosts'), {
        ref: 'group:default/ghosts',
        kind: 'group',
        memberCount: 0,
      }),
    ).toEqual([expect.objectContaining({ code: 'owner-without-members' })]);
  });

  it('applies to components, APIs, resources and systems only', () => {
    expect(isOwnedKind(component('x'))).toBe(true);
    expect(isOwnedKind({ ...component('x'), kind: 'Group' })).toBe(false);
  });
});
