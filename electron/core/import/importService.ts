// Lead import: preview (mapping, validation, duplicates) and commit (bulk path: one transaction,
// prepared statements, a reserved block of lead numbers, the search index filled once). A file is parsed
// (read, mapped, validated: no database) and then classified against the database (already imported,
// duplicates); a commit right after the preview of the same file reuses the preview's parse (`reuse`), and
// always classifies inside its own transaction.
import { createHash } from 'node:crypto';
import type { Actor } from '../../../shared/domain/lead';
import { asLeadName } from '../../../shared/domain/lead';
import { AppError } from '../../../shared/contract/errors';
import type {
  DuplicateRow,
  ImportCommitInput,
  ImportOptionsInput,
  ImportPreset,
  ImportPreview,
  ImportReport,
  RowIssue,
} from '../../../shared/contract/import';
import { importCommitSchema, importOptionsSchema, presetSchema } from '../../../shared/contract/import';
import { toCsv } from '../../../shared/import/csv';
import {
  compilePick,
  importMappingSchema,
  mapRow,
  phoneKey,
  remapRow,
  rowKeyText,
  suggestMapping,
  type ImportMapping,
  type MappedRow,
  type RowContext,
} from '../../../shared/import/mapping';
import type { Language } from '../../../shared/domain/vocabulary';
import type { EditInput } from '../../../shared/contract/inputs';
import type { Clock } from '../clock';
import type { Events } from '../events';
import type { RuleSettings } from '../../../shared/domain/settings';
import type { LeadService, TxRepos } from '../leadService';
import type { AsyncRepos, AsyncStore } from '../../store/repos/index';
import type { SettingsService } from '../settingsService';
import type { ImportTable } from './readTable';
import { readImportTable } from './tableReader';
import { rowErrorLabel } from './labels';
import type { NewLeadRow } from '../../../shared/rules';
import type { NormalizedPhone } from '../../../shared/people/phone';
import type { PhoneBatch, PhonePool } from '../people/phonePool';
import { retryWhileBusy } from '../../store/busy';

export interface ImportFile {
  name: string;
  data: Uint8Array;
}
type Options = Omit<ImportOptionsInput, 'name' | 'base64'>;
type CommitOptions = Omit<ImportCommitInput, 'name' | 'base64'>;

/** A row as the file gives it, without the database: read, mapped, validated, keyed. */
interface ParsedRow extends MappedRow {
  cells: string[];
  key?: string;
}
/**
 * What a file gives without the database (the preview's work, which its commit may reuse: see `reuse`).
 * The rows were mapped at `now` with the settings and campaigns of `settingsKey` and the mapping of `mappingKey`.
 */
interface Parsed {
  table: Omit<ImportTable, 'rows'>;
  mapping: ImportMapping;
  preset: string | null;
  rows: ParsedRow[];
  now: number;
  mappingKey: string;
  settingsKey: string;
  /** The valid rows' phone numbers, being normalized on the worker thread for customer linking (null: none started). */
  phones: PhoneBatch | null;
}
type RowState = 'new' | 'already' | 'duplicate' | 'rejected';
/**
 * The rows of a parse checked against the database (already imported, duplicate of an open lead, duplicate in the
 * file), by row index: no copy of the rows (a parse may be the kept one, and 50,000 copies cost).
 */
interface Classified {
  rows: readonly ParsedRow[];
  state: RowState[];
  /** Duplicates of an open lead (in row order). */
  dup: Map<number, DuplicateRow>;
  /** Duplicates in the file (DUPLICATE_IN_FILE): the line of the first row. */
  firstLine: Map<number, number>;
}
interface Analysis {
  table: Parsed['table'];
  mapping: ImportMapping;
  preset: string | null;
  c: Classified;
}
const IN_FILE: NonNullable<MappedRow['error']> = { code: 'DUPLICATE_IN_FILE' };
/** The error of a rejected row. */
const errorOf = (c: Classified, i: number) => (c.firstLine.has(i) ? IN_FILE : c.rows[i]!.error!);
const indexesOf = (c: Classified, st: RowState) => {
  const out: number[] = [];
  c.state.forEach((x, i) => {
    if (x === st) out.push(i);
  });
  return out;
};

/** How long a preview's parse is kept for its commit. */
const KEEP_MS = 10 * 60_000;

export interface ImportHooks {
  /**
   * Customers (issue 5): sets each new row's customerId before the rows are inserted (inside the transaction);
   * `phones`: the rows' numbers already normalized (see `phones` below).
   */
  linkCustomers?: (
    r: TxRepos,
    rows: NewLeadRow[],
    phones?: ReadonlyMap<string, NormalizedPhone | null>,
  ) => Promise<void>;
  /** Normalizes the rows' phone numbers on a worker thread while the file is read (for linkCustomers). */
  phones?: PhonePool;
  /**
   * Sites (docs/rules.md §11.8): the site of an import that names none (the watched folder, the CLI): its new leads
   * take the column's default, the first site; undefined with one site (no duplicate check is then limited).
   */
  defaultSite?: () => Promise<number | undefined>;
  /** The rule figures at a site (its new leads' deadlines); absent: the group's. */
  rulesAt?: (siteId: number | undefined, r: TxRepos) => Promise<RuleSettings>;
  /** Assignment rules (issue 5): runs inside the import transaction with the new lead ids. */
  assign?: (r: TxRepos, leadIds: number[], actor: Actor) => Promise<void>;
  /** Where the table worker's failures are logged (tableReader.ts). */
  log?: (msg: string, err?: unknown) => void;
}

export interface ImportService {
  /** `siteId`: the importing site (its open leads are the only possible duplicates); absent = every site. */
  preview(file: ImportFile, opts?: Options, siteId?: number): Promise<ImportPreview>;
  /** `siteId`: the new leads' site (docs/rules.md §11); absent = the column's default (one site: site 1). */
  commit(file: ImportFile, opts: CommitOptions, actor: Actor, siteId?: number): Promise<ImportReport>;
  rejectedCsv(
    file: ImportFile,
    opts: Options & { language?: Language },
  ): Promise<{ fileName: string; content: string; count: number }>;
  /** The saved mappings, on the AsyncStore (a write is one `data.tx`). */
  presets: {
    list(): Promise<ImportPreset[]>;
    get(name: string): Promise<ImportPreset | null>;
    save(p: { name: string; source?: string | null; mapping: unknown }): Promise<ImportPreset>;
    delete(name: string): Promise<boolean>;
  };
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
export function createImportService(
  data: AsyncStore,
  clock: Clock,
  settings: SettingsService,
  leads: LeadService,
  events: Events,
  hooks: () => ImportHooks,
): ImportService {
  const presetsIn = async (r: AsyncRepos): Promise<ImportPreset[]> =>
    (await r.imports.presets()).map((p) => ({
      ...p,
      source: p.source as ImportPreset['source'],
      mapping: importMappingSchema.parse(JSON.parse(p.mapping)),
    }));
  const presets: ImportService['presets'] = {
    list: () => presetsIn(data.repos),
    get: async (name) => (await presets.list()).find((p) => p.name === name) ?? null,
    save(p) {
      const v = presetSchema.parse(p);
      // The write and the row it answers: one transaction.
      return data.tx(async (r) => {
        await r.imports.savePreset(v.name, v.source, JSON.stringify(v.mapping), clock.now());
        return (await presetsIn(r)).find((x) => x.name === v.name)!;
      });
    },
    delete: (name) => data.tx((r) => r.imports.deletePreset(name)),
  };

  /** `saved`: the presets, read once per parse (`presets.list`) so that the mapping's resolution stays synchronous. */
  function resolveMapping(
    headers: readonly string[],
    opts: Options,
    saved: readonly ImportPreset[],
  ): { mapping: ImportMapping; preset: string | null } {
    if (opts.mapping) return { mapping: importMappingSchema.parse(opts.mapping), preset: opts.preset ?? null };
    if (opts.preset) {
      const p = saved.find((x) => x.name === opts.preset);
      if (!p) throw new AppError('IMPORT_PRESET_UNKNOWN', { field: 'preset', params: { name: opts.preset } });
      return { mapping: p.mapping, preset: p.name };
    }
    // A saved preset whose every mapped column is in this file is that source's usual export: use it (the most specific wins).
    const fitting = saved
      .filter(
        (p) =>
          Object.keys(p.mapping.columns).length > 0 &&
          Object.values(p.mapping.columns).every((h) => headers.includes(h!)),
      )
      .sort((a, b) => Object.keys(b.mapping.columns).length - Object.keys(a.mapping.columns).length);
    if (fitting[0]) return { mapping: fitting[0].mapping, preset: fitting[0].name };
    return { mapping: importMappingSchema.parse({ columns: suggestMapping(headers) }), preset: null };
  }

  const settingsKey = () => JSON.stringify([settings.rules(), settings.campaigns()]);
  const rowContext = (now: number): RowContext => ({
    now,
    settings: settings.rules(),
    campaigns: settings.campaigns(),
    dateCache: new Map<string, number | null>(),
    valueCache: new Map<string, string | null>(),
  });

  /** Keys: the file's id (qualified by source), else a hash of the normalized mapped values. */
  function parsedRow(m: MappedRow, cells: string[]): ParsedRow {
    const r = m as ParsedRow;
    r.cells = cells;
    if (!r.error) {
      r.key = r.values.externalId
        ? `ext:${r.input!.source}:${r.values.externalId}`
        : // Without an id: the normalized mapped values plus what the defaults decided (the same list imported under another campaign is another list).
          `row:${sha1(`${rowKeyText(r.values)}\u001e${r.lead!.campaign}\u001e${r.lead!.source}\u001e${r.lead!.leadType}`)}`;
    }
    return r;
  }

  /**
   * Reads, maps and validates a file (no database: that is `classify`). `withPhones`: the valid rows' numbers go to
   * the phone worker as the rows are mapped (for a commit, or a preview whose parse the commit may reuse).
   */
  async function parse(
    file: ImportFile,
    opts: Options,
    withPhones: boolean,
    saved: readonly ImportPreset[],
  ): Promise<Parsed> {
    if (withPhones) hooks().phones?.warm();
    const { rows: records, ...table } = await readImportTable(file.name, file.data, { log: hooks().log });
    const { mapping, preset } = resolveMapping(table.headers, opts, saved);
    const ctx = rowContext(clock.now());
    const pick = compilePick(table.headers, mapping);
    const phones = withPhones ? (hooks().phones?.batch() ?? null) : null;
    const rows: ParsedRow[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      const row = parsedRow(mapRow(r.line, pick(r.cells), mapping, ctx), r.cells);
      rows[i] = row;
      const l = row.lead;
      if (phones && l?.phone) phones.add(l.phone, l.country, l.language);
    }
    phones?.end();
    return {
      table,
      mapping,
      preset,
      rows,
      now: ctx.now,
      mappingKey: JSON.stringify([mapping, preset]),
      settingsKey: settingsKey(),
      phones,
    };
  }

  // The last preview's parse, kept for its commit (the same bytes under the same name); one file at a time.
  let kept: { name: string; size: number; hash: string; parsed: Parsed; timer: ReturnType<typeof setTimeout> } | null =
    null;
  const hashOf = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
  /** Forgets the kept parse; its phone numbers are no longer needed unless `still` uses them. */
  function drop(still?: PhoneBatch | null): void {
    if (kept) {
      clearTimeout(kept.timer);
      if (kept.parsed.phones !== still) kept.parsed.phones?.cancel();
    }
    kept = null;
  }
  function keep(file: ImportFile, hash: string, parsed: Parsed): void {
    drop(parsed.phones);
    const timer = setTimeout(drop, KEEP_MS);
    timer.unref?.();
    kept = { name: file.name, size: file.data.byteLength, hash, parsed, timer };
  }
  /**
   * The kept parse of this file when it is exactly what parsing it now would give: same name and bytes, the same
   * resolved mapping (presets are read again), the same settings and campaigns, and the rows brought to the current
   * time (remapRow: the default assignment date, dates in the future, the creation time). A clock that went back
   * parses again. Nothing of the database is in a parse: `classify` always runs. `take`: the commit owns it.
   */
  function reuse(
    file: ImportFile,
    hash: string,
    opts: Options,
    take: boolean,
    saved: readonly ImportPreset[],
  ): Parsed | null {
    const k = kept;
    if (!k || k.name !== file.name || k.size !== file.data.byteLength || k.hash !== hash) return null;
    const p = k.parsed;
    if (take) drop(p.phones);
    // Not reusable: the commit parses again (and the numbers of this parse are no longer needed).
    const stale = () => {
      if (take) p.phones?.cancel();
      return null;
    };
    const { mapping, preset } = resolveMapping(p.table.headers, opts, saved);
    if (JSON.stringify([mapping, preset]) !== p.mappingKey || settingsKey() !== p.settingsKey) return stale();
    const now = clock.now();
    if (now < p.now) return stale();
    if (now === p.now) return { ...p, mapping, preset };
    const ctx = rowContext(now);
    // A commit owns the rows it takes (the kept parse is dropped): the creation time is set on them, not on copies.
    const rows = p.rows.map((r) => {
      const m = remapRow(r, p.now, mapping, ctx, take);
      // The same row, a copy of it with the new creation time (cells and key kept), or the row mapped again.
      return m === r || 'cells' in m ? (m as ParsedRow) : parsedRow(m, r.cells);
    });
    return { ...p, mapping, preset, rows, now };
  }

  /** Parses the file, or reuses the kept parse (see `reuse`); a preview keeps its parse for the commit. */
  async function parseOrReuse(file: ImportFile, opts: Options, use: 'preview' | 'commit' | 'peek'): Promise<Parsed> {
    // No hashing at all for a commit with nothing kept (the CLI, the watched folder).
    const hash = kept || use === 'preview' ? hashOf(file.data) : null;
    // An explicit mapping needs no preset: no read then.
    const saved = opts.mapping ? [] : await presets.list();
    const p =
      (hash !== null ? reuse(file, hash, opts, use === 'commit', saved) : null) ??
      (await parse(file, opts, use !== 'peek', saved));
    if (use === 'preview') keep(file, hash!, p);
    return p;
  }

  /**
   * Against the database (inside the commit's transaction): already imported, duplicates of open leads (of the
   * importing site `siteId` only: a row never merges into another dealership's lead), duplicates in the file.
   */
  async function classify(
    r: Pick<TxRepos, 'imports'>,
    parsed: Parsed,
    siteId: number | undefined,
  ): Promise<Classified> {
    const rows = parsed.rows;
    const state: RowState[] = rows.map((r) => (r.error ? 'rejected' : 'new'));
    const c: Classified = { rows, state, dup: new Map(), firstLine: new Map() };
    // Already imported (same key in the database).
    const keys = rows.filter((r) => r.key).map((r) => r.key!);
    const known = new Set<string>();
    await r.imports.knownExternalIds(keys, (k) => known.add(k));
    // Open leads for duplicate matching: same VIN / e-mail / phone and same campaign. Only the campaigns of the rows still
    // to check matter (a key holds the campaign) and none when every row is known (a re-import). The query and its order
    // (the last open lead with a key wins) are as they were: the other campaigns are skipped here.
    const campaigns = new Set<string>();
    rows.forEach((r, i) => {
      if (state[i] === 'new' && !known.has(r.key!)) campaigns.add(r.lead!.campaign);
    });
    const open = new Map<string, { id: number; number: string; name: string; campaign: string }>();
    if (campaigns.size > 0) {
      for (const l of await r.imports.openLeadKeys(siteId)) {
        if (!campaigns.has(l.campaign)) continue;
        const info = {
          id: l.id,
          number: l.number,
          name: asLeadName({ firstName: l.f, lastName: l.l }),
          campaign: l.campaign,
        };
        if (l.vin) open.set(`vin|${l.vin}|${l.campaign}`, info);
        if (l.email) open.set(`email|${l.email.toLowerCase()}|${l.campaign}`, info);
        for (const p of [l.phone, l.p2]) {
          const k = phoneKey(p);
          if (k) open.set(`phone|${k}|${l.campaign}`, info);
        }
      }
    }
    // Duplicates in the file: the same key, VIN, e-mail or phone (with the campaign) as an earlier row still to import.
    const inFile = new Map<string, number>();
    const seen = (k: string | null) => (k === null ? undefined : inFile.get(k));
    for (let i = 0; i < rows.length; i++) {
      if (state[i] === 'rejected') continue;
      const r = rows[i]!;
      const key = r.key!;
      if (known.has(key)) {
        state[i] = 'already';
        continue;
      }
      const lead = r.lead!;
      const camp = lead.campaign;
      const p1 = phoneKey(lead.phone);
      const p2 = phoneKey(lead.otherPhone);
      const vin = lead.vin ? `vin|${lead.vin}|${camp}` : null;
      const email = lead.email ? `email|${lead.email}|${camp}` : null;
      const phone1 = p1 ? `phone|${p1}|${camp}` : null;
      const phone2 = p2 ? `phone|${p2}|${camp}` : null;
      // The first earlier line found, in this order: key, VIN, e-mail, phone, other phone.
      const firstSeen = inFile.get(key) ?? seen(vin) ?? seen(email) ?? seen(phone1) ?? seen(phone2);
      if (firstSeen !== undefined) {
        state[i] = 'rejected';
        c.firstLine.set(i, firstSeen);
        continue;
      }
      inFile.set(key, r.line);
      if (vin) inFile.set(vin, r.line);
      if (email) inFile.set(email, r.line);
      if (phone1) inFile.set(phone1, r.line);
      if (phone2) inFile.set(phone2, r.line);
      if (open.size === 0) continue;
      const hit: [DuplicateRow['by'], string] | null =
        vin && open.has(vin)
          ? ['vin', vin]
          : email && open.has(email)
            ? ['email', email]
            : phone1 && open.has(phone1)
              ? ['phone', phone1]
              : phone2 && open.has(phone2)
                ? ['phone', phone2]
                : null;
      if (hit) {
        const o = open.get(hit[1])!;
        state[i] = 'duplicate';
        c.dup.set(i, {
          line: r.line,
          name: asLeadName(lead),
          by: hit[0],
          leadId: o.id,
          leadNumber: o.number,
          leadName: o.name,
          campaign: o.campaign,
        });
      }
    }
    return c;
  }

  async function analyze(file: ImportFile, opts: Options, use: 'preview' | 'peek', siteId?: number): Promise<Analysis> {
    const p = await parseOrReuse(file, opts, use);
    return { table: p.table, mapping: p.mapping, preset: p.preset, c: await classify(data.repos, p, siteId) };
  }

  const issue = (c: Classified, i: number): RowIssue => {
    const e = errorOf(c, i);
    const firstLine = c.firstLine.get(i);
    return {
      line: c.rows[i]!.line,
      code: e.code,
      ...(e.field ? { field: e.field } : {}),
      ...(e.value !== undefined ? { value: e.value } : {}),
      ...(firstLine !== undefined ? { firstLine } : {}),
    };
  };

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
  async function merge(tx: TxRepos, r: ParsedRow, dup: DuplicateRow, fileName: string, actor: Actor): Promise<boolean> {
    const lead = await leads.loadIn(tx, dup.leadId);
    const src = r.lead!;
    const patch: EditInput = {};
    const fill = <K extends keyof EditInput & keyof typeof src>(k: K) => {
      if (
        (lead[k as keyof typeof lead] === null || lead[k as keyof typeof lead] === '') &&
        src[k] !== null &&
        src[k] !== undefined &&
        src[k] !== ''
      ) {
        (patch as Record<string, unknown>)[k] = src[k];
      }
    };
    for (const k of [
      'email',
      'phone',
      'otherPhone',
      'vin',
      'country',
      'state',
      'city',
      'zip',
      'requestFor',
      'requestDetails',
      'preferredAt1',
      'preferredAt2',
      'preferredAt3',
      'additionalServices',
      'customerNotes',
      'campaignNotes',
    ] as const)
      fill(k);
    if (Object.keys(patch).length === 0) return false;
    await leads.actIn(tx, 'edit', lead.id, null, patch, actor);
    await leads.writeHistory(
      tx,
      lead.id,
      [{ at: clock.now(), field: 'import.merged', oldValue: null, newValue: `${fileName}:${r.line}` }],
      actor,
    );
    return true;
  }

  const svc: ImportService = {
    presets,
    async preview(file, opts = {}, siteId) {
      const a = await analyze(file, opts, 'preview', siteId ?? (await hooks().defaultSite?.()));
      const { c } = a;
      const count = (st: RowState) => c.state.reduce((n, x) => (x === st ? n + 1 : n), 0);
      return {
        fileName: file.name,
        format: a.table.format,
        encoding: a.table.encoding,
        delimiter: a.table.delimiter,
        ...(a.table.cp1252Lines ? { cp1252Lines: a.table.cp1252Lines.slice(0, 1000) } : {}),
        headers: a.table.headers,
        suggested: suggestMapping(a.table.headers),
        mapping: a.mapping,
        preset: a.preset,
        rows: c.rows.slice(0, 20).map((r, i) => {
          const e = c.state[i] === 'rejected' ? errorOf(c, i) : undefined;
          return {
            line: r.line,
            cells: [...r.cells],
            state: c.state[i]!,
            ...(e ? { code: e.code } : {}),
            ...(e?.field ? { field: e.field } : {}),
          };
        }),
        summary: {
          total: c.rows.length,
          valid: count('new'),
          already: count('already'),
          duplicates: count('duplicate'),
          rejected: count('rejected'),
        },
        duplicates: [...c.dup.values()].slice(0, 1000),
        rejected: indexesOf(c, 'rejected')
          .slice(0, 1000)
          .map((i) => issue(c, i)),
        missing: missingFields(a.mapping),
      };
    },
    async commit(file, rawOpts, actor, siteId) {
      const opts = importCommitSchema.omit({ name: true, base64: true }).parse(rawOpts);
      const t0 = performance.now();
      const parsed = await parseOrReuse(file, opts, 'commit');
      const site = siteId ?? (await hooks().defaultSite?.());
      const decision = new Map(opts.decisions.map((d) => [d.line, d.action]));
      const now = clock.now();
      let c: Classified = { rows: [], state: [], dup: new Map(), firstLine: new Map() };
      let merged = 0;
      let skipped = 0;
      const dupReport: ImportReport['duplicates'] = [];
      const mergedIds: number[] = [];
      const write = () =>
        data.tx(async (tx) => {
          merged = 0;
          mergedIds.length = 0; // an attempt that waited for the lock starts over (docs/rules.md §11.7)
          skipped = 0;
          dupReport.length = 0;
          // What depends on the database is checked here, inside the transaction that writes.
          c = await classify(tx, parsed, site);
          // The rows are this commit's own (parsed for it, or the preview's parse taken: `reuse`), so no copy of
          // each lead is needed for linkCustomers to set its customerId.
          const block = indexesOf(c, 'new').map((i) => ({ lead: c.rows[i]!.lead!, key: c.rows[i]!.key! }));
          // The numbers the worker normalized meanwhile (a preview's: long done), waited for only when there are new rows.
          const phones = block.length > 0 ? parsed.phones?.wait() : undefined;
          await hooks().linkCustomers?.(
            tx,
            block.map((b) => b.lead),
            phones,
          );
          const rules = (await hooks().rulesAt?.(site, tx)) ?? settings.rules();
          const res = await tx.leadBlock.insert(rules, block, actor, now);
          // Before the assignment rules, which assign within the lead's site.
          if (siteId !== undefined) await tx.sites.setLeadsSite(res.ids, siteId);
          for (const [i, dup] of c.dup) {
            const r = c.rows[i]!;
            const done =
              (decision.get(r.line) ?? opts.duplicateDefault) === 'merge' &&
              (await merge(tx, r, dup, file.name, actor));
            if (done) {
              merged++;
              mergedIds.push(dup.leadId);
            } else skipped++;
            dupReport.push({
              line: r.line,
              leadId: dup.leadId,
              leadNumber: dup.leadNumber,
              by: dup.by,
              action: done ? 'merged' : 'skipped',
            });
          }
          const assign = hooks().assign;
          if (assign && res.ids.length > 0) await assign(tx, res.ids, actor);
          return res;
        });
      let written: { ids: number[]; numbers: string[] };
      try {
        // The CLI's scheduled import and the app take turns for the write lock: wait for it, within a limit.
        written = await retryWhileBusy(write);
      } finally {
        parsed.phones?.cancel(); // also when the transaction failed: the worker skips what is left
      }
      const { ids, numbers } = written;
      if (opts.saveAsPreset)
        presets.save({
          name: opts.saveAsPreset,
          source: parsed.mapping.defaults.source ?? null,
          mapping: parsed.mapping,
        });
      for (const id of mergedIds) events.emit({ type: 'lead.changed', leadId: id, at: now, action: 'edit' });
      if (ids.length > 0) events.emit({ type: 'leads.imported', leadIds: ids, at: now });
      return {
        fileName: file.name,
        at: now,
        total: c.rows.length,
        imported: ids.length,
        merged,
        skippedDuplicates: skipped,
        already: indexesOf(c, 'already').length,
        rejected: indexesOf(c, 'rejected').map((i) => issue(c, i)),
        duplicates: dupReport,
        leadIds: ids,
        firstNumber: numbers[0] ?? null,
        lastNumber: numbers[numbers.length - 1] ?? null,
        ms: Math.round(performance.now() - t0),
      };
    },
    async rejectedCsv(file, opts) {
      const a = await analyze(file, opts, 'peek');
      const lang = opts.language ?? settings.get('language');
      const { c } = a;
      const bad = indexesOf(c, 'rejected');
      const head = [
        rowErrorLabel(lang, 'header.line'),
        rowErrorLabel(lang, 'header.reason'),
        rowErrorLabel(lang, 'header.field'),
        ...a.table.headers,
      ];
      const body = bad.map((i) => {
        const r = c.rows[i]!;
        const e = errorOf(c, i);
        return [
          r.line,
          rowErrorLabel(lang, `rowError.${e.code}`, { line: c.firstLine.get(i) ?? '' }),
          e.field ?? '',
          ...a.table.headers.map((_, k) => r.cells[k] ?? ''),
        ];
      });
      return {
        fileName: `${file.name.replace(/\.[^.]+$/, '')}.rejected.csv`,
        content: toCsv([head, ...body]),
        count: bad.length,
      };
    },
  };
  return svc;
}

export const parseImportOptions = (v: unknown) => importOptionsSchema.parse(v);
