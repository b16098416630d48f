// Electron's main process: thin glue around the app core (electron/core) and the guards (guards.ts).
import { app, BrowserWindow, ipcMain, Menu, net, Notification, protocol, safeStorage, session, shell } from 'electron';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAppCore, type AppCore } from '../core/appCore';
import { startBackground } from '../core/background';
import { startDailyBackups } from '../core/backup/backups';
import { safeStorageSecrets } from '../core/mail/secrets';
import { startDesktopNotifier } from './desktopNotifier';
import { registerIpc } from './ipc';
import { APP_ORIGIN, CSP, isAllowedNavigation, parseExternalUrl, permissionAllowed, resolveAppFile, webPreferences } from './guards';
import { loadWindowState, saveWindowState } from './windowState';
import { buildMenu } from './menu';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let core: AppCore | null = null;
let win: BrowserWindow | null = null;
const rendererRoot = join(__dirname, '..', 'renderer');

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  win = new BrowserWindow({
    ...state, minWidth: 800, minHeight: 600, show: false, title: 'ASLM Desk',
    webPreferences: webPreferences(join(__dirname, 'preload.cjs')),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  const remember = () => {
    if (!win) return;
    saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);
  win.webContents.on('will-navigate', (e, url) => { if (!isAllowedNavigation(url)) e.preventDefault(); });
  win.webContents.setWindowOpenHandler(({ url }) => {
    const ext = parseExternalUrl(url);
    if (ext) void shell.openExternal(ext);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (win) { if (win.isMinimized()) win.restore(); win.focus(); }
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.on('will-navigate', (e, url) => { if (!isAllowedNavigation(url)) e.preventDefault(); });
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  protocol.handle('app', async (request) => {
    const file = resolveAppFile(rendererRoot, request.url, join, normalize);
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    const body = res && res.ok ? res : await net.fetch(pathToFileURL(join(rendererRoot, 'index.html')).toString());
    const headers = new Headers(body.headers);
    headers.set('Content-Security-Policy', CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(body.body, { status: 200, headers });
  });
  core = createAppCore({
    dbPath: join(app.getPath('userData'), 'aslm.sqlite'),
    mode: 'electron',
    version: app.getVersion(),
    // The SMTP password through the OS keychain (DPAPI on Windows) when available; otherwise the core's
    // fallback (AES-256-GCM, key file beside the database).
    ...(safeStorage.isEncryptionAvailable() ? { secrets: safeStorageSecrets(safeStorage) } : {}),
  });
  registerIpc(ipcMain, core.dispatch);
  const stopBackground = startBackground(core);
  const opened = core;
  const stopBackups = startDailyBackups(() => opened.store.sqlite, opened.store.path, () => Date.now(), opened.log);
  const stopNotifier = startDesktopNotifier({
    core,
    isSupported: () => Notification.isSupported(),
    create: (o) => new Notification({ title: o.title, body: o.body }),
    openLead: (leadId) => {
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      // A same-document hash change: the renderer's router opens the lead (leadId is a number).
      void win.webContents.executeJavaScript(`window.location.hash = '#/lead/${Math.trunc(leadId)}'`);
    },
  });
  app.on('will-quit', () => { stopNotifier(); stopBackups(); stopBackground(); core?.close(); });
  Menu.setApplicationMenu(buildMenu(core.settings.all().language, () => win));
  createWindow();
}).catch((e) => {
  console.error('ASLM Desk failed to start', e);
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
