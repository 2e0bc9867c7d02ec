module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // Real reports and payloads, and what produced them: data, not this package's code.
  ignorePatterns: ['src/__fixtures__/**'],
});
