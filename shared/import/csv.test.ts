import { describe, expect, it } from 'vitest';
import { csvCell, looksLikeFormula, parseCsv, sniffDelimiter, toCsv, type CsvRow, type Delimiter } from './csv';

describe('sniffDelimiter', () => {
  const cases: [string, string, string][] = [
    ['comma', 'a,b,c\n1,2,3\n', ','],
    ['semicolon with commas inside quotes', 'name;note\n"Rossi, Mario";"a,b,c,d"\n', ';'],
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['pipe', 'a|b|c\n1|2|3\n', '|'],
    ['semicolon with decimal commas', 'a;b;c\n1,5;2,5;3\n4,1;5;6\n', ';'],
    ['trailing delimiter', 'a;b;c;\n1;2;3;\n', ';'],
    ['quoted newline does not count as a line', 'a,b\n"x\ny;z;w",2\n', ','],
  ];
  for (const [name, text, d] of cases) it(name, () => expect(sniffDelimiter(text)).toBe(d));
});

describe('parseCsv', () => {
  it('RFC 4180: quotes, doubled quotes, embedded delimiters and line breaks, CRLF', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","1\r\n2"\r\nlast,,\r\n', ',');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', '1\n2'] },
      { line: 4, cells: ['last', '', ''] },
    ]);
  });
  it('skips empty and blank lines, keeps physical line numbers, trims unquoted cells only', () => {
    const rows = parseCsv('h1;h2\n\n  a ; " b "\n;;\n\rc;d', ';');
    expect(rows).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 3, cells: ['a', ' b '] },
      { line: 6, cells: ['c', 'd'] },
    ]);
  });
  it('old Mac CR line ends and a missing final newline', () => {
    expect(parseCsv('a,b\r1,2', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });
  it('a stray quote inside an unquoted cell is literal; formulas stay text', () => {
    expect(parseCsv('5" wheel,=HYPERLINK("http://x";"y")\n', ',')[0]!.cells).toEqual([
      '5" wheel',
      '=HYPERLINK("http://x";"y")',
    ]);
  });
});

describe('toCsv', () => {
  it('quotes what needs it and neutralizes formula-like cells', () => {
    expect(toCsv([['a;b', 'x"y', '=1+1', '+33 1 23', '-2', '@SUM', 'plain', null, 3]])).toBe(
      '"a;b";"x""y";\'=1+1;\'+33 1 23;\'-2;\'@SUM;plain;;3\r\n',
    );
    expect(looksLikeFormula('=A1')).toBe(true);
    expect(looksLikeFormula('Anna')).toBe(false);
  });
  // One cell, whatever the separator: [input, written with ';', written with ','].
  const cells: [string, string | number | null, string, string][] = [
    ['plain text', 'Anna Rossi', 'Anna Rossi', 'Anna Rossi'],
    ['a comma is quoted for every reader', 'Rossi, Mario', '"Rossi, Mario"', '"Rossi, Mario"'],
    ['a semicolon is quoted for every reader', 'a;b', '"a;b"', '"a;b"'],
    ['a quote is doubled', 'say "hi"', '"say ""hi"""', '"say ""hi"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"', '"one\ntwo"'],
    ['a CR', 'one\r\ntwo', '"one\r\ntwo"', '"one\r\ntwo"'],
    ['a tab inside', 'a\tb', '"a\tb"', '"a\tb"'],
    ['a pipe', 'a|b', '"a|b"', '"a|b"'],
    ['= formula', '=1+1', "'=1+1", "'=1+1"],
    ['= formula with a comma (neutralized and quoted)', '=SUM(A1,A2)', '"\'=SUM(A1,A2)"', '"\'=SUM(A1,A2)"'],
    ['+ first', '+33 1 23 45 67 89', "'+33 1 23 45 67 89", "'+33 1 23 45 67 89"],
    ['- first', '-2+3', "'-2+3", "'-2+3"],
    ['@ first', '@SUM(1)', "'@SUM(1)", "'@SUM(1)"],
    ['tab first', '\t=1', '"\'\t=1"', '"\'\t=1"'],
    ['CR first', '\r=1', '"\'\r=1"', '"\'\r=1"'],
    ['spaces before =', '  =1', "'  =1", "'  =1"],
    ['NUL and control characters stripped', 'a\u0000b\u0007c\u001bd\u007f', 'abcd', 'abcd'],
    ['control characters stripped before the formula check', '\u0000=1', "'=1", "'=1"],
    ['white space at the ends is kept (quoted)', ' x ', '" x "', '" x "'],
    ['a negative number stays a number', -2, '-2', '-2'],
    ['null', null, '', ''],
    ['= inside is fine', 'a=b', 'a=b', 'a=b'],
  ];
  for (const [name, v, semi, comma] of cells) {
    it(name, () => {
      expect(csvCell(v)).toBe(semi);
      expect(toCsv([[v]], ';')).toBe(`${semi}\r\n`);
      expect(toCsv([[v]], ',')).toBe(`${comma}\r\n`);
    });
  }
  it('the reader reads back what the writer writes (normal text, every separator)', () => {
    const rows = [
      ['Nom', 'Prénom', 'Note', 'Adresse'],
      ['Müller', 'Jürgen', 'dit "oui", puis; non', 'Rue 1\n75001 Paris'],
      ["O'Brien", ' Anne ', 'a|b\tc', ''],
      ['Rossi', 'Mario', 'x', '€ 12,50'],
    ];
    for (const d of [';', ',', '\t', '|'] as const) {
      expect(parseCsv(toCsv(rows, d), d).map((r) => r.cells)).toEqual(rows);
    }
  });
});

/** The reader as it was written first, character by character: the reference for the faster one. */
function referenceParseCsv(text: string, delimiter: Delimiter): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const n = text.length;
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
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        else if (ch === '\r') {
          line++;
          if (text[i + 1] === '\n') {
            cell += '\r';
            i++;
            cell += '\n';
            continue;
          }
        }
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      // A quote opens a quoted cell only at the cell's start (spaces before it are dropped);
      // elsewhere it is a literal character (lenient, like Excel).
      if (cell.trim() === '' && !quoted) {
        cell = '';
        inQuotes = true;
        quoted = true;
      } else cell += ch;
    } else if (ch === delimiter) {
      pushCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      pushRow();
      line++;
      recordLine = line;
    } else if (quoted) {
      // Text after a closing quote ("abc"def): keep it, as spreadsheet programs do.
      cell += ch;
    } else {
      cell += ch;
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

describe('parseCsv = the character-by-character reader', () => {
  it('on random text made of quotes, delimiters, line breaks, spaces and letters', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const alphabet = [
      'a',
      'b',
      'é',
      ' ',
      ' ',
      '\t',
      ',',
      ';',
      '|',
      '"',
      '"',
      '""',
      '\r',
      '\n',
      '\r\n',
      '\u00a0',
      'x y',
      '😀',
    ];
    for (let t = 0; t < 20_000; t++) {
      const len = Math.floor(rnd() * 40);
      let text = '';
      for (let k = 0; k < len; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      for (const d of [',', ';', '\t', '|'] as const)
        expect(parseCsv(text, d), JSON.stringify([text, d])).toEqual(referenceParseCsv(text, d));
    }
  });
  it('on a large export', () => {
    const rows: string[] = ['Lead ID;First Name;Last Name;Notes'];
    for (let k = 0; k < 3000; k++)
      rows.push(
        `HQ-${k}; Anna ;Rossi${k};${k % 7 === 0 ? '"multi\r\nline; ""quoted"""' : k % 5 === 0 ? '' : 'plain text'}`,
      );
    const text = rows.join('\r\n') + '\r\n';
    expect(parseCsv(text, ';')).toEqual(referenceParseCsv(text, ';'));
  });
});
