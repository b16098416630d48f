// Lead import: preview (mapping, validation, duplicates) and commit (bulk path: one transaction,
// prepared statements, a reserved block of lead numbers, the search index rebuilt once).
import { createHash } from 'node:crypto';
import type { Actor } from '../../../shared/domain/lead';
import { asLeadName } from '../../../shared/domain/lead';
import { AppError } from '../../../shared/contract/errors';
import type {
  DuplicateRow, ImportCommitInput, ImportOptionsInput, ImportPreset, ImportPreview, ImportReport, RowIssue,
} from '../../../shared/contract/import';
import { importCommitSchema, importOptionsSchema, presetSchema } from '../../../shared/contract/import';
import { toCsv } from '../../../shared/import/csv';
import {
  compilePick, importMappingSchema, mapRow, phoneKey, rowKeyText, suggestMapping, type ImportMapping, type MappedRow,
} from '../../../shared/import/mapping';
import type { Language } from '../../../shared/domain/vocabulary';
import type { EditInput } from '../../../shared/contract/inputs';
import type { Store } from '../../store/db';
import type { Clock } from '../clock';
import type { Events } from '../events';
import type { LeadService } from '../leadService';
import type { SettingsService } from '../settingsService';
import { readTable, type ImportTable } from './readTable';
import { rowErrorLabel } from './labels';
import { insertLeadBlock } from './bulkInsert';
import type { NewLeadRow } from '../../../shared/rules';

export interface ImportFile { name: string; data: Uint8Array }
type Options = Omit<ImportOptionsInput, 'name' | 'base64'>;
type CommitOptions = Omit<ImportCommitInput, 'name' | 'base64'>;

interface AnalyzedRow extends MappedRow {
  cells: string[];
  state: 'new' | 'already' | 'duplicate' | 'rejected';
  key?: string;
  dup?: DuplicateRow;
  firstLine?: number;
}
interface Analysis { table: ImportTable; mapping: ImportMapping; preset: string | null; rows: AnalyzedRow[] }

export interface ImportHooks {
  /** Customers (issue 5): sets each new row's customerId before the rows are inserted (inside the transaction). */
  linkCustomers?: (rows: NewLeadRow[]) => void;
  /** Assignment rules (issue 5): runs inside the import transaction with the new lead ids. */
  assign?: (leadIds: number[], actor: Actor) => void;
}

export interface ImportService {
  preview(file: ImportFile, opts?: Options): Promise<ImportPreview>;
  commit(file: ImportFile, opts: CommitOptions, actor: Actor): Promise<ImportReport>;
  rejectedCsv(file: ImportFile, opts: Options & { language?: Language }): Promise<{ fileName: string; content: string; count: number }>;
  presets: {
    list(): ImportPreset[];
    get(name: string): ImportPreset | null;
    save(p: { name: string; source?: string | null; mapping: unknown }): ImportPreset;
    delete(name: string): boolean;
  };
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const OPEN = "(status = 'assigned' OR (status = 'appointment' AND frozen = 0))";

export function createImportService(store: Store, clock: Clock, settings: SettingsService, leads: LeadService, events: Events, hooks: () => ImportHooks): ImportService {
  const { sqlite } = store;

  const presets: ImportService['presets'] = {
    list: () => (sqlite.prepare('SELECT id, name, source, mapping, updated_at AS updatedAt FROM import_presets ORDER BY name').all() as
      { id: number; name: string; source: string | null; mapping: string; updatedAt: number }[])
      .map((r) => ({ ...r, source: r.source as ImportPreset['source'], mapping: importMappingSchema.parse(JSON.parse(r.mapping)) })),
    get: (name) => presets.list().find((p) => p.name === name) ?? null,
    save(p) {
      const v = presetSchema.parse(p);
      sqlite.prepare(`INSERT INTO import_presets (name, source, mapping, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(name) DO UPDATE SET source = excluded.source, mapping = excluded.mapping, updated_at = excluded.updated_at`)
        .run(v.name, v.source, JSON.stringify(v.mapping), clock.now());
      return presets.get(v.name)!;
    },
    delete: (name) => sqlite.prepare('DELETE FROM import_presets WHERE name = ?').run(name).changes > 0,
  };

  function resolveMapping(table: ImportTable, opts: Options): { mapping: ImportMapping; preset: string | null } {
    if (opts.mapping) return { mapping: importMappingSchema.parse(opts.mapping), preset: opts.preset ?? null };
    if (opts.preset) {
      const p = presets.get(opts.preset);
      if (!p) throw new AppError('IMPORT_PRESET_UNKNOWN', { field: 'preset', params: { name: opts.preset } });
      return { mapping: p.mapping, preset: p.name };
    }
    // A saved preset whose every mapped column is in this file is that source's usual export: use it (the most specific wins).
    const fitting = presets.list()
      .filter((p) => Object.keys(p.mapping.columns).length > 0 && Object.values(p.mapping.columns).every((h) => table.headers.includes(h!)))
      .sort((a, b) => Object.keys(b.mapping.columns).length - Object.keys(a.mapping.columns).length);
    if (fitting[0]) return { mapping: fitting[0].mapping, preset: fitting[0].name };
    return { mapping: importMappingSchema.parse({ columns: suggestMapping(table.headers) }), preset: null };
  }

  async function analyze(file: ImportFile, opts: Options): Promise<Analysis> {
    const table = await readTable(file.name, file.data);
    const { mapping, preset } = resolveMapping(table, opts);
    const ctx = { now: clock.now(), settings: settings.rules(), campaigns: settings.campaigns(), dateCache: new Map<string, number | null>(), valueCache: new Map<string, string | null>() };
    const pick = compilePick(table.headers, mapping);
    const rows: AnalyzedRow[] = table.rows.map((r) => {
      const m = mapRow(r.line, pick(r.cells), mapping, ctx);
      const a = m as AnalyzedRow;
      a.cells = r.cells;
      a.state = m.error ? 'rejected' : 'new';
      return a;
    });
    // Keys: the file's id (qualified by source), else a hash of the normalized mapped values.
    for (const r of rows) {
      if (r.state === 'rejected') continue;
      r.key = r.values.externalId ? `ext:${r.input!.source}:${r.values.externalId}`
        // Without an id: the normalized mapped values plus what the defaults decided (the same list imported under another campaign is another list).
        : `row:${sha1(`${rowKeyText(r.values)}\u001e${r.lead!.campaign}\u001e${r.lead!.source}\u001e${r.lead!.leadType}`)}`;
    }
    // Already imported (same key in the database).
    const keys = rows.filter((r) => r.key).map((r) => r.key!);
    const known = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      for (const k of sqlite.prepare(`SELECT external_id AS k FROM leads WHERE external_id IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as { k: string }[]) known.add(k.k);
    }
    // Open leads for duplicate matching: same VIN / e-mail / phone and same campaign.
    const open = new Map<string, { id: number; number: string; name: string; campaign: string }>();
    for (const l of sqlite.prepare(`SELECT id, number, first_name AS f, last_name AS l, vin, email, phone, other_phone AS p2, campaign FROM leads WHERE ${OPEN}`).iterate() as
      Iterable<{ id: number; number: string; f: string; l: string; vin: string | null; email: string | null; phone: string | null; p2: string | null; campaign: string }>) {
      const info = { id: l.id, number: l.number, name: asLeadName({ firstName: l.f, lastName: l.l }), campaign: l.campaign };
      if (l.vin) open.set(`vin|${l.vin}|${l.campaign}`, info);
      if (l.email) open.set(`email|${l.email.toLowerCase()}|${l.campaign}`, info);
      for (const p of [l.phone, l.p2]) { const k = phoneKey(p); if (k) open.set(`phone|${k}|${l.campaign}`, info); }
    }
    const inFile = new Map<string, number>();
    for (const r of rows) {
      if (r.state === 'rejected') continue;
      if (known.has(r.key!)) { r.state = 'already'; continue; }
      const lead = r.lead!;
      const probes: [DuplicateRow['by'], string | null][] = [
        ['vin', lead.vin ? `vin|${lead.vin}|${lead.campaign}` : null],
        ['email', lead.email ? `email|${lead.email}|${lead.campaign}` : null],
        ['phone', phoneKey(lead.phone) ? `phone|${phoneKey(lead.phone)}|${lead.campaign}` : null],
        ['phone', phoneKey(lead.otherPhone) ? `phone|${phoneKey(lead.otherPhone)}|${lead.campaign}` : null],
      ];
      const firstSeen = [r.key!, ...probes.map((p) => p[1])].map((k) => (k ? inFile.get(k) : undefined)).find((x) => x !== undefined);
      if (firstSeen !== undefined) {
        r.state = 'rejected';
        r.error = { code: 'DUPLICATE_IN_FILE' };
        r.firstLine = firstSeen;
        continue;
      }
      inFile.set(r.key!, r.line);
      for (const [, k] of probes) if (k) inFile.set(k, r.line);
      const hit = probes.find(([, k]) => k && open.has(k));
      if (hit) {
        const o = open.get(hit[1]!)!;
        r.state = 'duplicate';
        r.dup = { line: r.line, name: asLeadName(lead), by: hit[0], leadId: o.id, leadNumber: o.number, leadName: o.name, campaign: o.campaign };
      }
    }
    return { table, mapping, preset, rows };
  }

  const issue = (r: AnalyzedRow): RowIssue => ({
    line: r.line, code: r.error!.code,
    ...(r.error!.field ? { field: r.error!.field } : {}),
    ...(r.error!.value !== undefined ? { value: r.error!.value } : {}),
    ...(r.firstLine !== undefined ? { firstLine: r.firstLine } : {}),
  });

  function missingFields(m: ImportMapping): ImportPreview['missing'] {
    const c = m.columns;
    const out: ImportPreview['missing'] = [];
    if (!c.firstName && !c.lastName && !c.fullName) out.push('name');
    if (!c.email && !c.phone && !c.otherPhone) out.push('contact');
    if (!c.campaign && !m.defaults.campaign) out.push('campaign');
    if (!c.leadType && !m.defaults.leadType && !c.source && !m.defaults.source) out.push('leadType');
    return out;
  }

  /** Merge: fill the open lead's empty request fields from the row (an Edit, with its history). */
  function merge(r: AnalyzedRow, fileName: string, actor: Actor): boolean {
    const lead = leads.load(r.dup!.leadId);
    const src = r.lead!;
    const patch: EditInput = {};
    const fill = <K extends keyof EditInput & keyof typeof src>(k: K) => {
      if ((lead[k as keyof typeof lead] === null || lead[k as keyof typeof lead] === '') && src[k] !== null && src[k] !== undefined && src[k] !== '') {
        (patch as Record<string, unknown>)[k] = src[k];
      }
    };
    for (const k of ['email', 'phone', 'otherPhone', 'vin', 'country', 'state', 'city', 'zip', 'requestFor', 'requestDetails',
      'preferredAt1', 'preferredAt2', 'preferredAt3', 'additionalServices', 'customerNotes', 'campaignNotes'] as const) fill(k);
    if (Object.keys(patch).length === 0) return false;
    leads.act('edit', lead.id, null, patch, actor);
    leads.writeHistory(lead.id, [{ at: clock.now(), field: 'import.merged', oldValue: null, newValue: `${fileName}:${r.line}` }], actor);
    return true;
  }

  const svc: ImportService = {
    presets,
    async preview(file, opts = {}) {
      const a = await analyze(file, opts);
      const count = (st: AnalyzedRow['state']) => a.rows.filter((r) => r.state === st).length;
      return {
        fileName: file.name, format: a.table.format, encoding: a.table.encoding, delimiter: a.table.delimiter,
        headers: a.table.headers, suggested: suggestMapping(a.table.headers), mapping: a.mapping, preset: a.preset,
        rows: a.rows.slice(0, 20).map((r) => ({
          line: r.line, cells: r.cells, state: r.state, ...(r.error ? { code: r.error.code } : {}), ...(r.error?.field ? { field: r.error.field } : {}),
        })),
        summary: { total: a.rows.length, valid: count('new'), already: count('already'), duplicates: count('duplicate'), rejected: count('rejected') },
        duplicates: a.rows.filter((r) => r.dup).slice(0, 1000).map((r) => r.dup!),
        rejected: a.rows.filter((r) => r.state === 'rejected').slice(0, 1000).map(issue),
        missing: missingFields(a.mapping),
      };
    },
    async commit(file, rawOpts, actor) {
      const opts = importCommitSchema.omit({ name: true, base64: true }).parse(rawOpts);
      const t0 = performance.now();
      const a = await analyze(file, opts);
      const decision = new Map(opts.decisions.map((d) => [d.line, d.action]));
      const now = clock.now();
      const fresh = a.rows.filter((r) => r.state === 'new');
      const dups = a.rows.filter((r) => r.state === 'duplicate');
      let merged = 0;
      let skipped = 0;
      const dupReport: ImportReport['duplicates'] = [];
      const { ids, numbers } = sqlite.transaction(() => {
        const block = fresh.map((r) => ({ lead: { ...r.lead! }, key: r.key! }));
        hooks().linkCustomers?.(block.map((b) => b.lead));
        const res = insertLeadBlock(sqlite, settings.rules(), block, actor, now);
        for (const r of dups) {
          const done = (decision.get(r.line) ?? opts.duplicateDefault) === 'merge' && merge(r, file.name, actor);
          if (done) merged++; else skipped++;
          dupReport.push({ line: r.line, leadId: r.dup!.leadId, leadNumber: r.dup!.leadNumber, by: r.dup!.by, action: done ? 'merged' : 'skipped' });
        }
        const assign = hooks().assign;
        if (assign && res.ids.length > 0) assign(res.ids, actor);
        return res;
      })();
      if (opts.saveAsPreset) presets.save({ name: opts.saveAsPreset, source: a.mapping.defaults.source ?? null, mapping: a.mapping });
      if (ids.length > 0) events.emit({ type: 'leads.imported', leadIds: ids, at: now });
      return {
        fileName: file.name, at: now, total: a.rows.length, imported: ids.length, merged, skippedDuplicates: skipped,
        already: a.rows.filter((r) => r.state === 'already').length,
        rejected: a.rows.filter((r) => r.state === 'rejected').map(issue),
        duplicates: dupReport,
        leadIds: ids, firstNumber: numbers[0] ?? null, lastNumber: numbers[numbers.length - 1] ?? null,
        ms: Math.round(performance.now() - t0),
      };
    },
    async rejectedCsv(file, opts) {
      const a = await analyze(file, opts);
      const lang = opts.language ?? settings.get<Language>('language', 'en');
      const bad = a.rows.filter((r) => r.state === 'rejected');
      const head = [rowErrorLabel(lang, 'header.line'), rowErrorLabel(lang, 'header.reason'), rowErrorLabel(lang, 'header.field'), ...a.table.headers];
      const body = bad.map((r) => [r.line, rowErrorLabel(lang, `rowError.${r.error!.code}`, { line: r.firstLine ?? '' }), r.error!.field ?? '',
        ...a.table.headers.map((_, i) => r.cells[i] ?? '')]);
      return { fileName: `${file.name.replace(/\.[^.]+$/, '')}.rejected.csv`, content: toCsv([head, ...body]), count: bad.length };
    },
  };
  return svc;
}

export const parseImportOptions = (v: unknown) => importOptionsSchema.parse(v);
