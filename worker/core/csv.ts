/**
 * CSV as spreadsheets read it: cells quoted where needed, and a leading = + - @ defused with an
 * apostrophe so a spreadsheet never runs a name someone typed as a formula.
 */
export function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const toCsv = (rows: string[][]) => `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
