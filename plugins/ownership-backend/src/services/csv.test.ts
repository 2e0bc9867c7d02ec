import { OwnedEntity } from '@internal/plugin-ownership-common';
import { entitiesCsv } from './csv';

describe('entitiesCsv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    const row: OwnedEntity = {
      ref: 'component:default/x',
      title: '=HYPERLINK("http://evil")',
      kind: 'component',
      ownerResolved: true,
      problems: [],
    };
    expect(entitiesCsv([row]).split('\r\n')[1]).toBe(
      'component:default/x,"\'=HYPERLINK(""http://evil"")",component,,,,,yes,,,,',
    );
  });
});
