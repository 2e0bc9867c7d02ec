import { entitiesQuerySchema, parseQuery } from './schema';

describe('parseQuery', () => {
  it('normalises filters and defaults the format', () => {
    expect(
      parseQuery(entitiesQuerySchema, {
        kind: 'Component',
        problem: 'OWNER-UNRESOLVED',
      }),
    ).toEqual({
      kind: 'component',
      problem: 'owner-unresolved',
      format: 'json',
    });
  });

  it('names the bad or unknown parameter', () => {
    expect(() => parseQuery(entitiesQuerySchema, { kind: 'group' })).toThrow(
      /^Invalid query parameter kind: /,
    );
    expect(() => parseQuery(entitiesQuerySchema, { format: 'xml' })).toThrow(
      /^Invalid query parameter format: /,
    );
    expect(() => parseQuery(entitiesQuerySchema, { owner: 'x' })).toThrow(
      /^Invalid query parameter owner: /,
    );
  });
});
