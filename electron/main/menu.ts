// The application menu, in the user's language (namespace `shell`).
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import en from '../../locales/en/shell.json' with { type: 'json' };
import fr from '../../locales/fr/shell.json' with { type: 'json' };
import de from '../../locales/de/shell.json' with { type: 'json' };
import it from '../../locales/it/shell.json' with { type: 'json' };

const LABELS = { en, fr, de, it } as const;

export function buildMenu(language: string, win: () => BrowserWindow | null): Menu {
  const l = LABELS[language as keyof typeof LABELS]?.menu ?? en.menu;
  const go = (hash: string) => () => { void win()?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`); };
  const template: MenuItemConstructorOptions[] = [
    { label: l.file, submenu: [{ label: l.newLead, accelerator: 'CmdOrCtrl+N', click: go('#/new') }, { type: 'separator' }, { label: l.quit, role: 'quit' }] },
    { label: l.edit, submenu: [{ label: l.undo, role: 'undo' }, { label: l.redo, role: 'redo' }, { type: 'separator' }, { label: l.cut, role: 'cut' }, { label: l.copy, role: 'copy' }, { label: l.paste, role: 'paste' }, { label: l.selectAll, role: 'selectAll' }] },
    { label: l.view, submenu: [{ label: l.lists, click: go('#/list/assigned') }, { label: l.kpi, click: go('#/kpi') }, { type: 'separator' }, { label: l.reload, role: 'reload' }, { label: l.zoomIn, role: 'zoomIn' }, { label: l.zoomOut, role: 'zoomOut' }, { label: l.resetZoom, role: 'resetZoom' }] },
    { label: l.help, submenu: [{ label: l.manual, accelerator: 'F1', click: go('#/help') }] },
  ];
  return Menu.buildFromTemplate(template);
}
