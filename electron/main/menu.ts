// The application menu, in the user's language (template in menuTemplate.ts).
import { Menu, type BrowserWindow } from 'electron';
import { menuTemplate } from './menuTemplate';

export function buildMenu(language: string, win: () => BrowserWindow | null): Menu {
  const go = (hash: string) => () => {
    void win()?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`);
  };
  return Menu.buildFromTemplate(menuTemplate(language, go));
}
