// 12,000 tests in 120 describe blocks: 1 in 150 fails, 1 in 200 is skipped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
for (let s = 0; s < 120; s++) {
  describe(`booking module ${s}`, () => {
    for (let t = 0; t < 100; t++) {
      const n = s * 100 + t;
      const options = n % 200 === 13 ? { skip: 'not on this platform' } : {};
      it(`prices itinerary ${n} with ${n % 7} stops`, options, () => {
        if (n % 150 === 7) assert.equal(n % 10, 0, `itinerary ${n} priced wrong`);
      });
    }
  });
}
