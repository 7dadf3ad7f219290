// CLI for the synthetic ontology corpus (see scripts/lib/corpus.ts):
//   npx tsx scripts/gen-corpus.ts --pages N --seed S --out DIR [--defects]
// Writes DIR/pages/*.md and DIR/manifest.json and prints the manifest totals.
import { parseArgs } from 'node:util';
import { generateCorpus } from './lib/corpus.ts';

const USAGE = 'usage: tsx scripts/gen-corpus.ts --pages N (>= 10) --seed S --out DIR [--defects]';

function main(): number {
  // biome-ignore lint/suspicious/noImplicitAnyLet: TypeScript types it from the assignment in the try block (parseArgs's inferred result)
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        pages: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        defects: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const pages = Number(values.pages);
  const seed = Number(values.seed);
  if (!values.out || !Number.isInteger(pages) || pages < 10 || !Number.isInteger(seed)) {
    console.error(USAGE);
    return 2;
  }
  const started = performance.now();
  const manifest = generateCorpus({ pages, seed, out: values.out, defects: values.defects });
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ ...manifest.totals, ms }));
  return 0;
}

process.exitCode = main();
