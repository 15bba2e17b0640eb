import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { withApiSection } from '../tools/api-doc-render';

describe('README documents the contract', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  it('its API section is the one rendered from shared/contract.ts (run `npx tsx tests/tools/api-doc.ts`)', () => {
    expect(withApiSection(readme)).toBe(readme);
  });
  it('names every method of the contract', () => {
    for (const name of METHOD_NAMES) expect(readme).toContain(`\`${name}\``);
  });
});
