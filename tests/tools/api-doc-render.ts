// Renders the API section of README.md from the contract (shared/contract.ts).
// tests/tools/api-doc.ts writes it; tests/unit/readme-api.test.ts checks it is current.
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
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
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
    rows.push(`| \`${name}\` | ${contract[name].access} | ${typeOf(schema).replace(/\|(?!\|)/g, '\\|').replace(/\\\\\|/g, '\\|')} |`);
  }
  return [
    '<!-- api:start -->',
    `${METHOD_NAMES.length} methods. Inputs are validated against the zod schemas in \`shared/contract/*.ts\` (the single source of truth); output types are the TypeScript interfaces beside them. \`?\` marks an optional field. Amounts are integer rupiah, percentages integer basis points, instants ISO-8601 UTC, dates \`YYYY-MM-DD\` in the store's time zone. \`approval\` is \`{ staffId, pin }\` of a manager. **who** is the access the dispatcher enforces before the handler runs (see *Who may do what*): \`anyone\` (no session), \`setup\` (no session while the store is being set up, then a manager), \`staff\` (a signed-in staff member), \`manager\` (a signed-in manager); the session goes in the \`X-UKM-Session\` header (the bridge's third argument in the desktop app).`,
    '',
    '| method | who | input |',
    '|---|---|---|',
    ...rows,
    '<!-- api:end -->',
  ].join('\n');
}


export const API_START = '<!-- api:start -->';
export const API_END = '<!-- api:end -->';

/** README text with its API section replaced by the current one. */
export function withApiSection(readme: string): string {
  const start = readme.indexOf(API_START);
  const end = readme.indexOf(API_END);
  if (start < 0 || end < 0) throw new Error('README.md has no <!-- api:start --> … <!-- api:end --> markers');
  return readme.slice(0, start) + renderApiSection() + readme.slice(end + API_END.length);
}
