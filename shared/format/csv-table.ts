/// A CSV of rows of text, as every CSV export writes it: UTF-8 with a
/// byte-order mark so that Excel reads the diacritics right, RFC 4180
/// quoting and CRLF line ends, and no cell a spreadsheet would run as a
/// formula.
export function csvTable(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/// One field of a CSV row, quoted when it must be.
export function csvField(value: string): string {
  // Leading =, +, - or @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}
