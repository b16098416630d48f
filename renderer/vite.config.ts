import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The app's chunk (appMain.tsx, imported by main.tsx once the start-up reads have left) and the chunks it imports are
 * announced in the page (`preload`): the browser fetches them beside the start-up chunk instead of after it; its styles
 * are linked too. Not `modulepreload`: that also compiles the 700 kB chunk at once, on the page's main thread, and
 * the start-up chunk (which sends the first reads) waited behind it — 40–300 ms, measured.
 */
function preloadApp(): Plugin {
  return {
    name: 'aslm-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle ?? {};
        const app = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.moduleIds.some((id) => id.endsWith('/renderer/appMain.tsx')),
        );
        if (!app || app.type !== 'chunk') throw new Error('aslm-preload-app: no chunk for appMain.tsx');
        const entries = new Set(
          Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c.isEntry ? [c.fileName] : [])),
        );
        const scripts = [app.fileName, ...app.imports.filter((f) => !entries.has(f))].map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'script', crossorigin: '', href: `./${file}` },
          injectTo: 'head' as const,
        }));
        const styles = [...(app.viteMetadata?.importedCss ?? [])].map((file) => ({
          tag: 'link',
          attrs: { rel: 'stylesheet', crossorigin: '', href: `./${file}` },
          injectTo: 'head' as const,
        }));
        return [...styles, ...scripts];
      },
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), preloadApp()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
