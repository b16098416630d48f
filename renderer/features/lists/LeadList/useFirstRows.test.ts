import { describe, expect, it } from 'vitest';
import { rowsInView } from './useFirstRows';

describe('rowsInView', () => {
  it.each([
    // window height → rows of the first render (one-line rows of 36 px below 190 px of header and toolbar, + 1)
    [1080, 26],
    [900, 21],
    [768, 18],
    [600, 13],
    [300, 10], // never fewer than 10
    [0, 10],
  ])('%i px → %i rows', (height, rows) => {
    expect(rowsInView(height)).toBe(rows);
  });
});
