// Remembers the window's size, position and maximized state between launches.
import { readFileSync, writeFileSync } from 'node:fs';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}

export function loadWindowState(file: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as WindowState;
    if (Number.isFinite(s.width) && Number.isFinite(s.height) && s.width >= 800 && s.height >= 600) return s;
  } catch {
    /* first launch or unreadable: defaults */
  }
  return { width: 1400, height: 900 };
}

export function saveWindowState(file: string, s: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(s));
  } catch {
    /* not worth failing a quit for */
  }
}
