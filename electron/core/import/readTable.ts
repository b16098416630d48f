// Reads an import file into a table: encoding detection (BOM → UTF-8 / UTF-16; valid UTF-8 → UTF-8;
// else per line: a line that is valid UTF-8 is read as UTF-8, the others as Windows-1252), delimiter sniffing, RFC 4180 parsing; XLSX through exceljs (first sheet with
// data; formula cells give their cached result, never evaluated). Anything else → IMPORT_UNREADABLE.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/contract/errors';
import { parseCsv, sniffDelimiter, type Delimiter } from '../../../shared/import/csv';

/** `utf-8+windows-1252`: a file mixing both, decided per line (`cp1252Lines`). */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8+windows-1252';
export interface ImportTable {
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  /** A mixed file: the physical lines (1-based) read as Windows-1252, the others being UTF-8. */
  cp1252Lines?: number[];
  delimiter: Delimiter | null;
  headers: string[];
  /** Data records (the header excluded), with their 1-based line (CSV) or row number (XLSX). */
  rows: { line: number; cells: string[] }[];
}

export const unreadable = (reason: string, params: Record<string, string | number> = {}) =>
  new AppError('IMPORT_UNREADABLE', { params: { reason, ...params } });

/**
 * What an import file may hold (beyond: IMPORT_UNREADABLE with reason `too_big`, `cell_too_long` or `too_many_rows`,
 * nothing imported). A cell is at most what Excel itself holds in a cell.
 */
export interface TableLimits {
  /** The file's size. */
  maxFileBytes: number;
  /** An XLSX's parts once uncompressed (as its zip directory declares them; the worker's heap bounds a lying one). */
  maxXlsxBytes: number;
  maxCellChars: number;
  /** Data rows. */
  maxRows: number;
}
export const TABLE_LIMITS: TableLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxXlsxBytes: 200 * 1024 * 1024,
  maxCellChars: 32_767,
  maxRows: 250_000,
};

/** Refuses a table with too many rows or a cell longer than the limit (the line is named). */
function checkLimits(records: readonly { line: number; cells: string[] }[], limits: TableLimits): void {
  if (records.length - 1 > limits.maxRows) throw unreadable('too_many_rows', { max: limits.maxRows });
  const max = limits.maxCellChars;
  for (const r of records)
    for (const c of r.cells) if (c.length > max) throw unreadable('cell_too_long', { line: r.line, max });
}

/**
 * The total uncompressed size an XLSX's zip directory declares (its parts once unzipped), read from the central
 * directory without unzipping anything; null when the directory cannot be read (exceljs then says what is wrong).
 * A ZIP64 size (more than 4 GB) counts as infinite.
 */
export function xlsxDeclaredSize(b: Uint8Array): number | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = v.getUint16(eocd + 10, true);
  let at = v.getUint32(eocd + 16, true);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (at + 46 > b.length || v.getUint32(at, true) !== 0x02014b50) return null;
    const size = v.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return total;
}

export function decodeText(buf: Uint8Array): { text: string; encoding: Encoding; cp1252Lines?: number[] } {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: b.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv.decode(b.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv.decode(b.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const bomless = utf16WithoutBom(b);
  if (bomless) return { text: iconv.decode(b, bomless), encoding: bomless };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return decodePerLine(b);
  }
}

/**
 * A file that is not valid UTF-8 as a whole (an export pasted together from two systems): each physical line (CR, LF
 * or CRLF ends one, as `parseCsv` counts them) that is valid UTF-8 with a non-ASCII character is read as UTF-8, each
 * other line with non-ASCII bytes as Windows-1252. No UTF-8 line at all: the whole file is Windows-1252 (as before).
 */
function decodePerLine(b: Buffer): { text: string; encoding: Encoding; cp1252Lines?: number[] } {
  const cp1252Lines: number[] = [];
  // Runs of consecutive lines read the same way: [start, end, utf8].
  const runs: [number, number, boolean][] = [];
  let utf8Lines = 0;
  let line = 1;
  let start = 0;
  const n = b.length;
  let i = 0;
  while (start < n) {
    // One line: its bytes up to (and with) its line end; `high`: a byte ≥ 0x80; `valid`: well-formed UTF-8.
    let high = false;
    let valid = true;
    i = start;
    while (i < n) {
      const c = b[i]!;
      if (c === 0x0a || c === 0x0d) break;
      if (c < 0x80) {
        i++;
        continue;
      }
      high = true;
      const len = valid ? utf8Sequence(b, i) : 0;
      if (len === 0) {
        valid = false;
        i++;
      } else i += len;
    }
    if (i < n) i += b[i] === 0x0d && b[i + 1] === 0x0a ? 2 : 1;
    const utf8 = !high || valid;
    if (high && valid) utf8Lines++;
    if (!utf8) cp1252Lines.push(line);
    const last = runs[runs.length - 1];
    if (last && last[2] === utf8) last[1] = i;
    else runs.push([start, i, utf8]);
    start = i;
    line++;
  }
  if (utf8Lines === 0) return { text: iconv.decode(b, 'win1252'), encoding: 'windows-1252' };
  const text = runs
    .map(([from, to, utf8]) => (utf8 ? b.toString('utf8', from, to) : iconv.decode(b.subarray(from, to), 'win1252')))
    .join('');
  return { text, encoding: 'utf-8+windows-1252', cp1252Lines };
}

/** The length of the well-formed UTF-8 sequence at `i` (a lead byte ≥ 0x80), or 0 (what a fatal TextDecoder rejects). */
function utf8Sequence(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = b[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** UTF-16 text without a BOM: in the first bytes, NULs on one side of every pair of (mostly ASCII) characters. */
function utf16WithoutBom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length - (b.length % 2), 512);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.7 && evenZero === 0) return 'utf-16le';
  if (evenZero / pairs > 0.7 && oddZero === 0) return 'utf-16be';
  return null;
}

/** Binary content (images, archives, executables): NUL bytes or many control characters in the first 8 KB. */
function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return false;
  if (buf[0] === 0xff && buf[1] === 0xfe) return false;
  if (buf[0] === 0xfe && buf[1] === 0xff) return false;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const c = buf[i]!;
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ctrl++;
  }
  return ctrl / n > 0.01;
}

export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // exceljs gives the sheet's wall time as a UTC date: keep it as a wall time (read in the dealer's zone).
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: ExcelJS.CellValue }).result;
      if (r !== undefined && r !== null && !(typeof r === 'object' && 'error' in r))
        return cellText(r as ExcelJS.CellValue);
      return `=${(v as { formula?: string }).formula ?? ''}`;
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return String((v as { error: unknown }).error);
    return '';
  }
  return String(v);
}

async function readXlsx(buf: Uint8Array, limits: TableLimits): Promise<ImportTable> {
  const size = xlsxDeclaredSize(buf);
  if (size !== null && size > limits.maxXlsxBytes) throw unreadable('too_big', { max: limits.maxXlsxBytes });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('zip_not_xlsx');
  }
  const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw unreadable('empty');
  const records: { line: number; cells: string[] }[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((x) => x !== '')) records.push({ line: n, cells });
  });
  checkLimits(records, limits);
  return toTable('xlsx', null, null, records);
}

function toTable(
  format: 'csv' | 'xlsx',
  encoding: Encoding | null,
  delimiter: Delimiter | null,
  records: { line: number; cells: string[] }[],
): ImportTable {
  const head = records[0];
  if (!head) throw unreadable('empty');
  const headers = head.cells.map((h, i) => h.trim() || `#${i + 1}`);
  // Trailing delimiters give empty header cells at the end: drop them.
  while (
    headers.length > 1 &&
    /^#\d+$/.test(headers[headers.length - 1]!) &&
    records.slice(1, 50).every((r) => !(r.cells[headers.length - 1] ?? ''))
  )
    headers.pop();
  // Duplicate headers get a suffix so that a mapping by header name stays unambiguous.
  const seen = new Map<string, number>();
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    if (n > 1) headers[i] = `${h} (${n})`;
  }
  if (headers.length < 2) throw unreadable('one_column');
  return { format, encoding, delimiter, headers, rows: records.slice(1) };
}

/** Reads a CSV/TSV/TXT or XLSX file. Throws IMPORT_UNREADABLE (nothing is written) for anything else. */
export async function readTable(
  name: string,
  data: Uint8Array,
  limits: TableLimits = TABLE_LIMITS,
): Promise<ImportTable> {
  if (data.byteLength === 0) throw unreadable('empty');
  if (data.byteLength > limits.maxFileBytes) throw unreadable('too_big', { max: limits.maxFileBytes });
  if (isZip(data)) return readXlsx(data, limits);
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) throw unreadable('xls');
  if (/\.xlsx$/i.test(name)) throw unreadable('not_xlsx');
  if (!utf16WithoutBom(data) && looksBinary(data)) throw unreadable('binary');
  const { text, encoding, cp1252Lines } = decodeText(data);
  const mixed = (t: ImportTable): ImportTable => (cp1252Lines ? { ...t, cp1252Lines } : t);
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 8192))) throw unreadable('binary');
  // Excel's "sep=;" first line names the delimiter: use it and drop the line.
  const sep = /^sep=([,;\t|])\s*(\r\n|\n|\r)/i.exec(text);
  if (sep) {
    const delimiter = sep[1] as Delimiter;
    const rows = parseCsv(text.slice(sep[0].length), delimiter).map((r) => ({ ...r, line: r.line + 1 }));
    checkLimits(rows, limits);
    return mixed(toTable('csv', encoding, delimiter, rows));
  }
  const delimiter = sniffDelimiter(text);
  const rows = parseCsv(text, delimiter);
  checkLimits(rows, limits);
  return mixed(toTable('csv', encoding, delimiter, rows));
}
