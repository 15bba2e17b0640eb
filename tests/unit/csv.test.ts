import { describe, expect, it } from 'vitest';
import { csvField, csvLine, toCsv } from '../../shared/csv';

/** A minimal RFC 4180 reader, to check that what we write reads back as what we meant. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && csv[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

describe('shared/csv', () => {
  it('leaves plain text and numbers bare', () => {
    expect(csvField('Keripik singkong')).toBe('Keripik singkong');
    expect(csvField(12500)).toBe('12500');
    expect(csvField(0)).toBe('0');
  });

  it('quotes commas, quotes, line breaks and surrounding spaces, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('koreksi, "lama"')).toBe('"koreksi, ""lama"""');
    expect(csvField('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+62 812')).toBe("'+62 812");
    expect(csvField('-rusak')).toBe("'-rusak");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField(-5000)).toBe('-5000');
  });

  it('writes integers as plain digits, booleans as 1/0, and nothing for null/undefined', () => {
    expect(csvField(1e21)).toBe('1000000000000000000000');
    expect(csvField(-0)).toBe('0');
    expect(csvField(true)).toBe('1');
    expect(csvField(false)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(() => csvField(Number.NaN)).toThrow();
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('builds a file with CRLF after every record, header first', () => {
    const csv = toCsv(['product', 'amount'], [['Telur, asin', 3000], [null, -200]]);
    expect(csv).toBe('product,amount\r\n"Telur, asin",3000\r\n,-200\r\n');
    expect(csvLine(['a', 1, true])).toBe('a,1,1');
  });

  it('round-trips awkward text through an RFC 4180 reader', () => {
    const awkward = ['a "quoted" word', 'x,y', 'two\r\nlines', 'plain', ''];
    const parsed = parse(toCsv(['h1', 'h2', 'h3', 'h4', 'h5'], [awkward]));
    expect(parsed).toEqual([['h1', 'h2', 'h3', 'h4', 'h5'], awkward]);
  });
});
