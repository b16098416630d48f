import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS, menuTemplate } from './menuTemplate';

const labels = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);

describe('application menu', () => {
  const go = () => () => undefined;
  const english = labels(menuTemplate('en', go));

  it.each(['en', 'fr', 'de', 'it'])('%s: every item has a label in that language', (lang) => {
    const l = labels(menuTemplate(lang, go));
    expect(l).toHaveLength(english.length);
    expect(l.every((x) => x.trim().length > 0)).toBe(true);
    expect(new Set(l)).toEqual(new Set(Object.values(MENU_LABELS[lang as keyof typeof MENU_LABELS])));
  });

  it('is translated, not copied, and follows an OS locale', () => {
    expect(labels(menuTemplate('fr', go))[0]).toBe(MENU_LABELS.fr.file);
    expect(labels(menuTemplate('de-CH', go))).toEqual(labels(menuTemplate('de', go)));
    expect(labels(menuTemplate('it', go)).filter((x, i) => x === english[i]).length).toBeLessThan(english.length / 2);
    expect(labels(menuTemplate('xx', go))).toEqual(english);
  });
});
