// The application menu's template in the user's language (namespace `shell`), as a pure function so that
// a unit test checks all four locales (menu.test.ts); menu.ts turns it into Electron's Menu.
import type { MenuItemConstructorOptions } from 'electron';
import en from '../../locales/en/shell.json' with { type: 'json' };
import fr from '../../locales/fr/shell.json' with { type: 'json' };
import de from '../../locales/de/shell.json' with { type: 'json' };
import it from '../../locales/it/shell.json' with { type: 'json' };

export const MENU_LABELS = { en: en.menu, fr: fr.menu, de: de.menu, it: it.menu } as const;

/** `language` may be a stored setting or the OS locale ('de-CH' → de); anything else falls back to English. */
export function menuTemplate(language: string, go: (hash: string) => () => void): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[language.slice(0, 2).toLowerCase() as keyof typeof MENU_LABELS] ?? MENU_LABELS.en;
  return [
    { label: l.file, submenu: [{ label: l.newLead, accelerator: 'CmdOrCtrl+N', click: go('#/new') }, { type: 'separator' }, { label: l.quit, role: 'quit' }] },
    { label: l.edit, submenu: [{ label: l.undo, role: 'undo' }, { label: l.redo, role: 'redo' }, { type: 'separator' }, { label: l.cut, role: 'cut' }, { label: l.copy, role: 'copy' }, { label: l.paste, role: 'paste' }, { label: l.selectAll, role: 'selectAll' }] },
    { label: l.view, submenu: [{ label: l.lists, click: go('#/list/assigned') }, { label: l.kpi, click: go('#/kpi') }, { label: l.settings, click: go('#/settings') }, { type: 'separator' }, { label: l.reload, role: 'reload' }, { label: l.zoomIn, role: 'zoomIn' }, { label: l.zoomOut, role: 'zoomOut' }, { label: l.resetZoom, role: 'resetZoom' }] },
    { label: l.help, submenu: [{ label: l.manual, accelerator: 'F1', click: go('#/help') }] },
  ];
}
