// `make bench`: runs every bench/*.bench.mjs and prints one table. Each benchmark exports
// `title` and `run()`, which resolves to rows { metric, value, unit, note? }.
// Results are also written to bench/output/<name>.json (git-ignored). Timings are read here,
// never asserted in tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter(f => f.endsWith('.bench.mjs'))
  .filter(f => !only || f.startsWith(only))
  .sort();

const machine = `${os.cpus().length} cores (${os
  .cpus()[0]
  ?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${
  process.versions.node
}`;
const rows = [];
fs.mkdirSync(path.join(dir, 'output'), { recursive: true });
for (const file of files) {
  const bench = await import(path.join(dir, file));
  process.stderr.write(`bench: ${bench.title}...\n`);
  const results = await bench.run();
  fs.writeFileSync(
    path.join(dir, 'output', file.replace('.bench.mjs', '.json')),
    JSON.stringify(
      { title: bench.title, machine, date: new Date().toISOString(), results },
      null,
      2,
    ),
  );
  for (const r of results) rows.push({ bench: bench.title, ...r });
}

const table = [['benchmark', 'metric', 'value', 'unit', 'note']].concat(
  rows.map(r => [r.bench, r.metric, String(r.value), r.unit, r.note ?? '']),
);
const widths = table[0].map((_, i) =>
  Math.max(...table.map(row => row[i].length)),
);
const line = row => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nMachine: ${machine}\n`);
console.log(line(table[0]));
console.log(`| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`);
for (const row of table.slice(1)) console.log(line(row));
