// Electron's main process: thin glue around the app core (electron/core) and the guards (guards.ts).
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCoreHost, type CoreHost } from '../core/backup/host';
import { safeStorageSecrets } from '../core/mail/secrets';
import { toPush } from '../core/host/pushMessage';
import { startDesktopNotifier } from './desktopNotifier';
import { createDeskControl, deskConfig, leaveHost, PUSH_CHANNEL, PUSH_STATE_CHANNEL, startDeskMode } from './deskMode';
import { registerIpc } from './ipc';
import {
  APP_ORIGIN,
  CSP,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  APP_SCHEME,
  parseExternalUrl,
  permissionAllowed,
  resolveAppFile,
  webPreferences,
} from './guards';
import { loadWindowState, saveWindowState } from './windowState';
import { buildMenu } from './menu';

protocol.registerSchemesAsPrivileged([APP_SCHEME]);

// Single instance: a second launch hands over to the running one ('second-instance' focuses its window)
// and exits at once, before it could open the database.
if (!app.requestSingleInstanceLock()) app.exit(0);

let host: CoreHost | null = null;
let win: BrowserWindow | null = null;
const rendererRoot = join(__dirname, '..', 'renderer');

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  win = new BrowserWindow({
    ...state,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'ASLM Desk',
    webPreferences: webPreferences(join(__dirname, 'preload.cjs')),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  const remember = () => {
    if (!win) return;
    saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    const ext = parseExternalUrl(url);
    if (ext) void shell.openExternal(ext);
    return { action: 'deny' };
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  // Every frame, subframes included (will-navigate sees only the main frame).
  contents.on('will-frame-navigate', (e) => {
    if (!isAllowedFrameNavigation(e)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' })); // the main window's own handler (createWindow) opens safe links outside
});

/** Sends to the window (live updates), if it is open. */
/** Starts the app again (after connecting to a host or leaving it: desk.json decides the mode at start). */
const relaunch = () => {
  app.relaunch();
  app.exit(0);
};
const toWindow = (channel: string, payload: unknown) => {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
};

app
  .whenReady()
  .then(async () => {
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
    // Desk mode (docs/rules.md §12): paired with a host, this app opens no database and runs no background work.
    const desk = await deskConfig(app.getPath('userData'), process.argv, Date.now());
    if (desk) {
      Menu.setApplicationMenu(buildMenu(app.getLocale().slice(0, 2), () => win));
      const link = startDeskMode(desk, toWindow, () => leaveHost(app.getPath('userData'), relaunch));
      registerIpc(ipcMain, link.dispatch, () => (win && !win.isDestroyed() ? win.webContents : null));
      app.on('will-quit', () => link.stop());
      createWindow();
      return;
    }
    // The core host checks the database (recovery mode if damaged), runs the background jobs and the
    // daily backups, and closes/reopens the core for a restore. The save dialog is the only UI it borrows.
    Menu.setApplicationMenu(buildMenu(app.getLocale().slice(0, 2), () => win));
    host = createCoreHost({
      dbPath: join(app.getPath('userData'), 'aslm.sqlite'),
      mode: 'electron',
      version: app.getVersion(),
      // The SMTP password through the OS keychain (DPAPI on Windows) when available; otherwise the core's
      // fallback (AES-256-GCM, key file beside the database).
      ...(safeStorage.isEncryptionAvailable() ? { secrets: safeStorageSecrets(safeStorage) } : {}),
      background: true,
      dailyBackups: true,
      // Settings → Host & desks: this PC becomes a desk of a host (pairs, restarts as a desk).
      deskControl: createDeskControl({ userData: app.getPath('userData'), now: Date.now, restart: relaunch }),
      chooseExportPath: async (suggested) => {
        const opts = { defaultPath: suggested, filters: [{ name: 'SQLite', extensions: ['sqlite'] }] };
        const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
        return r.canceled || !r.filePath ? null : r.filePath;
      },
      // Each time the core opens (start-up, after a restore): the localized menu and the desktop notifications.
      onOpen: (core) => {
        Menu.setApplicationMenu(buildMenu(core.settings.all().language, () => win));
        // Live updates to the window after each commit (background sweeps, imports of the watched folder).
        const offPush = core.events.on((e) => {
          const m = toPush(e);
          if (m) toWindow(PUSH_CHANNEL, m);
        });
        toWindow(PUSH_STATE_CHANNEL, 'connected');
        const offNotifier = startDesktopNotifier({
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
        return () => {
          offPush();
          offNotifier();
        };
      },
    });
    const opened = host;
    registerIpc(
      ipcMain,
      async (channel, input, ctx) => {
        const reply = await opened.dispatch(channel, input, ctx);
        // The menu follows the language chosen in the app.
        if (channel === 'settings.setLanguage' && reply.ok)
          Menu.setApplicationMenu(buildMenu(opened.core()?.settings.all().language ?? 'en', () => win));
        return reply;
      },
      () => (win && !win.isDestroyed() ? win.webContents : null),
    );
    app.on('will-quit', () => {
      host?.close();
    });
    createWindow();
  })
  .catch((e) => {
    console.error('ASLM Desk failed to start', e);
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());
