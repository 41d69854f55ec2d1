import { describe, expect, it } from 'vitest';
import { toCsv } from '../../worker/core/csv.ts';

describe('CSV export', () => {
  it('quotes what needs quoting and never lets a cell become a formula', () => {
    expect(toCsv([['at', 'actor'], ['2026-11-24', 'Ada, Administrator'], ['x', 'Say "hi"'], ['y', '=HYPERLINK("http://evil")'], ['z', '-2+3'], ['w', '@SUM(A1)']])).toBe(
      'at,actor\r\n2026-11-24,"Ada, Administrator"\r\nx,"Say ""hi"""\r\ny,"\'=HYPERLINK(""http://evil"")"\r\nz,\'-2+3\r\nw,\'@SUM(A1)\r\n',
    );
  });
});
