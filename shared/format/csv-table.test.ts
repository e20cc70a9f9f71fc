import { describe, expect, it } from 'vitest';
import { csvTable } from './csv-table';

describe('csvTable', () => {
  it('quotes what would break a row or run as a formula', () => {
    expect(csvTable([['plain', 'a, b', 'say "no"', 'two\nlines', '=SUM(A1)', '-3']])).toBe(
      '\uFEFFplain,"a, b","say ""no""","two\nlines","\'=SUM(A1)","\'-3"\r\n',
    );
  });
});
