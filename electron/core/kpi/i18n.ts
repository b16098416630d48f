// i18next for the reports, the digest and the exports made in the main process / CLI: namespaces
// `kpi` (this area) and, when present, `domain` (labels of statuses, campaigns, sources, reasons…),
// read from locales/<lang>/*.json. A label missing from `domain` falls back to its id.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type Resource, type TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../../../shared/domain/vocabulary';

const NAMESPACES = ['kpi', 'domain', 'app', 'listPrint'];

/** Where locales/ is: $ASLM_LOCALES, or the first locales/en found walking up from here or from the working directory. */
export function localesDir(): string | null {
  if (process.env.ASLM_LOCALES && existsSync(process.env.ASLM_LOCALES)) return process.env.ASLM_LOCALES;
  const starts: string[] = [process.cwd()];
  try { starts.push(dirname(fileURLToPath(import.meta.url))); } catch { /* bundled as CJS */ }
  if (typeof __dirname === 'string') starts.push(__dirname);
  if ((process as { resourcesPath?: string }).resourcesPath) starts.push((process as unknown as { resourcesPath: string }).resourcesPath);
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 8; i++) {
      if (existsSync(join(dir, 'locales', 'en', 'kpi.json'))) return join(dir, 'locales');
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return null;
}

const instances = new Map<Language, Promise<TFunction>>();

/** A `t` in the given language (cached). */
export function reportT(lang: Language): Promise<TFunction> {
  let p = instances.get(lang);
  if (!p) {
    const dir = localesDir();
    const resources: Resource = {};
    for (const l of LANGUAGES) {
      resources[l] = {};
      for (const ns of NAMESPACES) {
        const file = dir ? join(dir, l, `${ns}.json`) : null;
        if (file && existsSync(file)) resources[l]![ns] = JSON.parse(readFileSync(file, 'utf8'));
      }
    }
    const inst = i18next.createInstance();
    p = inst.init({ resources, lng: lang, fallbackLng: 'en', ns: NAMESPACES, defaultNS: 'kpi', interpolation: { escapeValue: false }, returnNull: false, showSupportNotice: false } as Parameters<typeof inst.init>[0])
      .then(() => inst.t.bind(inst) as TFunction);
    instances.set(lang, p);
  }
  return p;
}

const ALIASES: Record<string, string[]> = { closeReason: ['closeReason', 'reason'], leadType: ['leadType', 'lead_type', 'type'] };
/** A label from the `domain` namespace (e.g. kind 'status', id 'closed_sale'), or the id itself. */
export const domainLabel = (t: TFunction, kind: string, id: string | null | undefined): string =>
  (id == null ? '' : String(t((ALIASES[kind] ?? [kind]).map((k) => `domain:${k}.${id}`), { defaultValue: id })));

const TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', it: 'it-IT' };
export const localeTag = (lang: Language): string => TAGS[lang];
