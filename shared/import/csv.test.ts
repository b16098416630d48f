import { describe, expect, it } from 'vitest';
import { looksLikeFormula, parseCsv, sniffDelimiter, toCsv } from './csv';

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
    expect(parseCsv('a,b\r1,2', ',')).toEqual([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }]);
  });
  it('a stray quote inside an unquoted cell is literal; formulas stay text', () => {
    expect(parseCsv('5" wheel,=HYPERLINK("http://x";"y")\n', ',')[0]!.cells).toEqual(['5" wheel', '=HYPERLINK("http://x";"y")']);
  });
});

describe('toCsv', () => {
  it('quotes what needs it and neutralizes formula-like cells', () => {
    expect(toCsv([['a;b', 'x"y', '=1+1', '+33 1 23', '-2', '@SUM', 'plain', null, 3]])).toBe('"a;b";"x""y";\'=1+1;\'+33 1 23;\'-2;\'@SUM;plain;;3\r\n');
    expect(looksLikeFormula('=A1')).toBe(true);
    expect(looksLikeFormula('Anna')).toBe(false);
  });
});
