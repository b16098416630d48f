import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rng } from '../../../test/fixtures/rng';
import { decodeText } from './readTable';

describe('decodeText: a file mixing UTF-8 and Windows-1252, per line', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  /** The rule, line by line with the platform's decoders: valid UTF-8 → UTF-8, else Windows-1252. */
  const reference = (lines: Buffer[]) =>
    lines
      .map((l) => {
        try {
          return fatal.decode(l);
        } catch {
          return iconv.decode(l, 'win1252');
        }
      })
      .join('');

  it('each line read as it is written; the Windows-1252 lines named (CRLF, LF and CR line ends)', () => {
    const lines = [
      Buffer.from('a;b\r\n'),
      Buffer.from('Jürgen;x\n'),
      iconv.encode('Zoé;y\r', 'win1252'),
      Buffer.from('plain\r\n'),
      iconv.encode('Größe;z', 'win1252'),
    ];
    const r = decodeText(Buffer.concat(lines));
    expect(r).toEqual({
      text: 'a;b\r\nJürgen;x\nZoé;y\rplain\r\nGröße;z',
      encoding: 'utf-8+windows-1252',
      cp1252Lines: [3, 5],
    });
  });

  it('a file with no UTF-8 line is wholly Windows-1252 (no warning)', () => {
    expect(decodeText(iconv.encode('a;b\nZoé;y\n€;z\n', 'win1252'))).toEqual({
      text: 'a;b\nZoé;y\n€;z\n',
      encoding: 'windows-1252',
    });
  });

  it("agrees with the platform's strict UTF-8 decoder on random lines (overlong, surrogates, truncated sequences)", () => {
    const r = rng(17);
    const pieces = [
      [0x41],
      [0xc3, 0xbc],
      [0xe2, 0x82, 0xac],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe9],
      [0x80],
      [0xc3],
      [0xe2, 0x82],
      [0xff],
      [0x3b],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0xef, 0xbf, 0xbf],
      [0xf4, 0x8f, 0xbf, 0xbf],
    ];
    for (let k = 0; k < 300; k++) {
      const lines: Buffer[] = [];
      const n = 1 + Math.floor(r.next() * 6);
      for (let i = 0; i < n; i++) {
        const bytes: number[] = [];
        const m = Math.floor(r.next() * 6);
        for (let j = 0; j < m; j++) bytes.push(...r.pick(pieces));
        lines.push(Buffer.from([...bytes, 0x0a]));
      }
      const data = Buffer.concat(lines);
      let wholeUtf8 = true;
      try {
        fatal.decode(data);
      } catch {
        wholeUtf8 = false;
      }
      const anyUtf8Line = lines.some((l) => {
        try {
          fatal.decode(l);
          return l.some((c) => c >= 0x80);
        } catch {
          return false;
        }
      });
      const got = decodeText(data);
      if (wholeUtf8) expect(got.encoding).toBe('utf-8');
      else if (!anyUtf8Line) expect(got).toEqual({ text: iconv.decode(data, 'win1252'), encoding: 'windows-1252' });
      else {
        expect(got.text).toBe(reference(lines));
        expect(got.cp1252Lines).toEqual(
          lines.flatMap((l, i) => {
            try {
              fatal.decode(l);
              return [];
            } catch {
              return [i + 1];
            }
          }),
        );
      }
    }
  });
});
