// The repository is self-contained: rules are cited from docs/rules.md by section, never from a file outside it,
// and every citation names a section that exists. The four locales hold the same keys.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'release', 'test-results', 'playwright-report', '.vite']);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|sql|yml|yaml|css|html)$/;

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (TEXT.test(name) && name !== 'package-lock.json') out.push(p);
  }
  return out;
}

const sources = files(ROOT).filter((p) => p !== import.meta.filename);
const rules = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
/** Every section and subsection heading or playbook step of docs/rules.md: "§3", "§8.4", "§11.2". */
const sections = new Set([...rules.matchAll(/(?:^#+ |^- \*\*)§(\d+(?:\.\d+)?)/gm)].map((m) => m[1]));

describe('rule references', () => {
  it('docs/rules.md has its sections §1–§11', () => {
    for (let n = 1; n <= 11; n++) expect(sections.has(String(n)), `§${n}`).toBe(true);
  });

  it('no file points to a rules document outside the repository', () => {
    const outside = /domain\.md|standard 000|\/work\/shared|seeds\/0\d\d_|shared\/tools\//;
    const offenders = sources.filter((p) => outside.test(readFileSync(p, 'utf8'))).map((p) => relative(ROOT, p));
    expect(offenders).toEqual([]);
  });

  it('every "docs/rules.md §N" cites a section that exists', () => {
    const bad: string[] = [];
    for (const p of sources) {
      for (const m of readFileSync(p, 'utf8').matchAll(/rules\.md (§[\d.,§ –-]+)/g)) {
        for (const n of (m[1] ?? '').match(/\d+(?:\.\d+)?/g) ?? [])
          if (!sections.has(n)) bad.push(`${relative(ROOT, p)}: §${n}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('locales', () => {
  const flatten = (o: Record<string, unknown>, prefix: string, out: Set<string>) => {
    for (const [k, v] of Object.entries(o)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, key, out);
      else out.add(key.replace(/_(zero|one|two|few|many|other)$/, ''));
    }
    return out;
  };
  const keys = (lang: string) => {
    const dir = join(ROOT, 'locales', lang);
    const out = new Set<string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')))
      flatten(JSON.parse(readFileSync(join(dir, f), 'utf8')), `${basename(f, '.json')}:`, out);
    return out;
  };
  const en = keys('en');
  it.each(['fr', 'de', 'it'])('%s holds the same keys as en', (lang) => {
    const other = keys(lang);
    expect({ missing: [...en].filter((k) => !other.has(k)), extra: [...other].filter((k) => !en.has(k)) }).toEqual({
      missing: [],
      extra: [],
    });
  });
});
