// A CSV reader for the files European offices really send (pure: works on decoded text).
// RFC 4180 quotes (embedded delimiters, line breaks and doubled quotes), CRLF / LF / CR line ends,
// the delimiter sniffed among `,` `;` tab and `|` outside quotes, empty lines skipped, trailing
// delimiters tolerated. Cells are returned verbatim (never evaluated: `=HYPERLINK(...)` stays text).

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface CsvRow {
  /** 1-based physical line where the record starts in the file (what a person sees in an editor). */
  line: number;
  cells: string[];
}

/**
 * Guesses the delimiter from the first lines, counting only characters outside quotes: the candidate
 * whose per-line count is the most consistent (and non-zero) wins; ties go to `;` (Excel in
 * FR/DE/IT), then `,`.
 */
export function sniffDelimiter(text: string, maxLines = 20): Delimiter {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, []]));
  let inQuotes = false;
  let lineCounts = new Map<Delimiter, number>();
  let lines = 0;
  let lineHasContent = false;
  const endLine = () => {
    if (lineHasContent) {
      for (const d of DELIMITERS) counts.get(d)!.push(lineCounts.get(d) ?? 0);
      lines++;
    }
    lineCounts = new Map();
    lineHasContent = false;
  };
  for (let i = 0; i < text.length && lines < maxLines; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes;
      lineHasContent = true;
      continue;
    }
    if (inQuotes) continue;
    if (ch === '\n' || ch === '\r') {
      endLine();
      continue;
    }
    if (ch.trim() !== '') lineHasContent = true;
    if ((DELIMITERS as readonly string[]).includes(ch))
      lineCounts.set(ch as Delimiter, (lineCounts.get(ch as Delimiter) ?? 0) + 1);
  }
  if (lines < maxLines) endLine();
  let best: Delimiter = ';';
  let bestScore = -1;
  const order: Delimiter[] = [';', ',', '\t', '|'];
  for (const d of order) {
    const c = counts.get(d)!;
    if (c.length === 0) continue;
    const header = c[0]!;
    if (header === 0) continue;
    // Lines agreeing with the header's count (a trailing-delimiter variant of ±1 is tolerated).
    const agree = c.filter((n) => n === header || n === header + 1 || n === header - 1).length / c.length;
    const score = agree * 1000 + Math.min(header, 200);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * Parses CSV text into records. Blank records (only whitespace / delimiters) are skipped.
 * Text runs without a quote, delimiter or line break are taken as slices (not character by character): a
 * 50,000-row file is read several times faster. The rules, character by character (csv.test.ts holds them as the
 * reference this is checked against):
 *  - outside quotes: the delimiter ends the cell, CR, LF or CRLF ends the record; a quote opens a quoted cell when
 *    only white space precedes it in the cell (dropped), and is a literal character anywhere else;
 *  - inside quotes: a doubled quote is a quote, a single one closes the quotes; line breaks are kept (and counted);
 *  - text after a closing quote is kept ("abc"def); quoted cells are not trimmed, unquoted ones are.
 */
export function parseCsv(text: string, delimiter: Delimiter): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const n = text.length;
  const D = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const pushCell = () => {
    cells.push(quoted ? cell : cell.trim());
    cell = '';
    quoted = false;
  };
  const pushRow = () => {
    pushCell();
    if (cells.some((c) => c !== '')) rows.push({ line: recordLine, cells });
    cells = [];
  };
  let i = 0;
  while (i < n) {
    // Outside quotes: the run up to the next quote, delimiter or line break.
    const from = i;
    let ch = text.charCodeAt(i);
    while (ch !== D && ch !== QUOTE && ch !== LF && ch !== CR) {
      if (++i === n) break;
      ch = text.charCodeAt(i);
    }
    if (i > from) cell = cell === '' ? text.slice(from, i) : cell + text.slice(from, i);
    if (i === n) break;
    if (ch === D) {
      pushCell();
      i++;
    } else if (ch === LF || ch === CR) {
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      pushRow();
      line++;
      recordLine = line;
    } else if (quoted || cell.trim() !== '') {
      // A literal quote: after a closing quote, or inside an unquoted cell.
      cell += '"';
      i++;
    } else {
      // A quoted cell (what preceded it was white space: dropped).
      cell = '';
      quoted = true;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        // Line breaks inside: CRLF, CR and LF each count one line.
        for (let k = i; k < end; k++) {
          const c = text.charCodeAt(k);
          if (c === LF) line++;
          else if (c === CR && text.charCodeAt(k + 1) !== LF) line++;
        }
        if (end > i) cell += text.slice(i, end);
        if (q < 0) {
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) pushRow();
  // Normalize the line breaks kept inside quoted cells.
  for (const r of rows)
    for (let k = 0; k < r.cells.length; k++) {
      const c = r.cells[k]!;
      if (c.includes('\r')) r.cells[k] = c.replace(/\r\n?/g, '\n');
    }
  return rows;
}

/**
 * Whether a cell would be read as a formula by a spreadsheet (CSV injection): `=` `+` `-` `@` first (white space
 * before them is skipped by some readers), or a tab / CR first.
 */
export const looksLikeFormula = (s: string): boolean => /^[\t\r]|^[ \u00a0]*[=+\-@]/.test(s);

/** Control characters no cell should carry (NUL…, DEL): stripped. Tab and line breaks stay (quoted). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * One CSV cell, safe whatever the reader's separator: control characters stripped, formula-like text neutralized by
 * a leading apostrophe, and quoted when it holds `,` `;` `"` a tab, `|`, a line break (any reader's separator or
 * record end) or white space at either end (which a reader would trim). Numbers stay numbers.
 */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v).replace(CONTROL, '');
  if (looksLikeFormula(s)) s = `'${s}`;
  return /[,;"\t|\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes CSV (`;`-separated by default, for European Excel), each cell made safe by `csvCell`; CRLF line ends. */
export function toCsv(
  rows: readonly (readonly (string | number | null | undefined)[])[],
  delimiter: Delimiter = ';',
): string {
  return rows.map((r) => r.map(csvCell).join(delimiter)).join('\r\n') + '\r\n';
}
