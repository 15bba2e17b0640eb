// Writes the API section of README.md from the contract (shared/contract.ts),
// between the markers <!-- api:start --> and <!-- api:end -->.
//   npx tsx tests/tools/api-doc.ts          rewrite README.md
//   npx tsx tests/tools/api-doc.ts --check  exit 1 if README.md is out of date
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contract, METHOD_NAMES } from '../../shared/contract';

type Json = { type?: string | string[]; properties?: Record<string, Json>; required?: string[]; items?: Json; enum?: unknown[]; anyOf?: Json[]; oneOf?: Json[]; const?: unknown; format?: string; pattern?: string; default?: unknown };

function typeOf(s: Json | undefined, depth = 0): string {
  if (!s) return 'any';
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(' \\| ');
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map((a) => typeOf(a, depth)).join(' \\| ');
  if (s.type === 'array') return `${typeOf(s.items, depth)}[]`;
  if (s.type === 'object' || s.properties) {
    if (depth > 1) return 'object';
    const req = new Set(s.required ?? []);
    const fields = Object.entries(s.properties ?? {}).map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${typeOf(v, depth + 1)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
}

export function renderApiSection(): string {
  const rows: string[] = [];
  let area = '';
  for (const name of [...METHOD_NAMES].sort()) {
    const a = name.split('.')[0]!;
    if (a !== area) {
      area = a;
    }
    let schema: Json;
    try {
      schema = z.toJSONSchema(contract[name].input, { unrepresentable: 'any', io: 'input' }) as Json;
    } catch {
      schema = {};
    }
    rows.push(`| \`${name}\` | ${typeOf(schema).replace(/\|(?!\|)/g, '\\|').replace(/\\\\\|/g, '\\|')} |`);
  }
  return [
    '<!-- api:start -->',
    `${METHOD_NAMES.length} methods. Inputs are validated against the zod schemas in \`shared/contract/*.ts\` (the single source of truth); output types are the TypeScript interfaces beside them. \`?\` marks an optional field. Amounts are integer rupiah, percentages integer basis points, instants ISO-8601 UTC, dates \`YYYY-MM-DD\` in the store's time zone. \`approval\` is \`{ staffId, pin }\` of a manager.`,
    '',
    '| method | input |',
    '|---|---|',
    ...rows,
    '<!-- api:end -->',
  ].join('\n');
}

const readme = path.resolve(__dirname, '../../README.md');
const text = fs.readFileSync(readme, 'utf8');
const start = text.indexOf('<!-- api:start -->');
const end = text.indexOf('<!-- api:end -->');
if (start < 0 || end < 0) {
  console.error('README.md has no <!-- api:start --> … <!-- api:end --> markers');
  process.exit(1);
}
const next = text.slice(0, start) + renderApiSection() + text.slice(end + '<!-- api:end -->'.length);
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
