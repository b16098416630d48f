// `npm start`: the desktop app (Electron) when its binary can run here; otherwise one clear message
// and browser mode on http://127.0.0.1:5178/ instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args) => spawnSync(npm, args, { stdio: 'inherit', shell: process.platform === 'win32' });

function electronBinary() {
  if (process.env.ASLM_FORCE_BROWSER === '1') return null;
  try {
    // Resolving the path makes the electron package fetch its binary on first use; that needs internet.
    const res = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (res.status !== 0 || !res.stdout) return null;
    const check = spawnSync(res.stdout, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    return check.status === 0 ? res.stdout : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
if (bin) {
  if (run(['run', 'build']).status !== 0) process.exit(1);
  const child = spawn(bin, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  void require;
  console.log(
    '\nASLM Desk: the Electron runtime is not available on this machine (its binary could not be downloaded or run),',
  );
  console.log('so the app starts in browser mode instead — open the address printed below in your browser.\n');
  const r = run(['run', 'start:web']);
  process.exit(r.status ?? 1);
}
