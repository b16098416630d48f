// The application menu's template in the user's language (namespace `shell`), as a pure function so that
// a unit test checks all four locales (menu.test.ts); menu.ts turns it into Electron's Menu.
import type { MenuItemConstructorOptions } from 'electron';
import type en from '../../locales/en/shell.json';
import { fixedT } from '../core/i18n';

type MenuLabels = typeof en.menu;
const menuLabels = (lang: string): MenuLabels => fixedT(lang, 'shell')('menu', { returnObjects: true }) as MenuLabels;
/** The menu's labels per language (namespace `shell`, key `menu`), through the main process's one mechanism (core/i18n.ts). */
export const MENU_LABELS = {
  en: menuLabels('en'),
  fr: menuLabels('fr'),
  de: menuLabels('de'),
  it: menuLabels('it'),
} as const;

/** `language` may be a stored setting or the OS locale ('de-CH' → de); anything else falls back to English. */
export function menuTemplate(language: string, go: (hash: string) => () => void): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[language.slice(0, 2).toLowerCase() as keyof typeof MENU_LABELS] ?? MENU_LABELS.en;
  return [
    {
      label: l.file,
      submenu: [
        { label: l.newLead, accelerator: 'CmdOrCtrl+N', click: go('#/new') },
        { type: 'separator' },
        { label: l.quit, role: 'quit' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { label: l.undo, role: 'undo' },
        { label: l.redo, role: 'redo' },
        { type: 'separator' },
        { label: l.cut, role: 'cut' },
        { label: l.copy, role: 'copy' },
        { label: l.paste, role: 'paste' },
        { label: l.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { label: l.lists, click: go('#/list/assigned') },
        { label: l.kpi, click: go('#/kpi') },
        { label: l.settings, click: go('#/settings') },
        { type: 'separator' },
        { label: l.reload, role: 'reload' },
        { label: l.zoomIn, role: 'zoomIn' },
        { label: l.zoomOut, role: 'zoomOut' },
        { label: l.resetZoom, role: 'resetZoom' },
      ],
    },
    { label: l.help, submenu: [{ label: l.manual, accelerator: 'F1', click: go('#/help') }] },
  ];
}
