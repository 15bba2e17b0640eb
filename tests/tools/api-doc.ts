// Writes the API section of README.md from the contract (shared/contract.ts),
// between the markers <!-- api:start --> and <!-- api:end -->.
//   npx tsx tests/tools/api-doc.ts          rewrite README.md
//   npx tsx tests/tools/api-doc.ts --check  exit 1 if README.md is out of date
import fs from 'node:fs';
import path from 'node:path';
import { withApiSection } from './api-doc-render';
import { METHOD_NAMES } from '../../shared/contract';

const readme = path.resolve(__dirname, '../../README.md');
const text = fs.readFileSync(readme, 'utf8');
const next = withApiSection(text);
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('README.md API section is out of date: run `npx tsx tests/tools/api-doc.ts`');
    process.exit(1);
  }
  console.log('README API section: up to date');
} else {
  fs.writeFileSync(readme, next);
  console.log(`README API section: ${METHOD_NAMES.length} methods`);
}
