// `npm run aslm -- vehicles FILE [--json] [--lang xx] [--db FILE]`: the vehicle registry import (DMS export,
// CSV or XLSX) through the contract channel `vehicles.import` — the same checks and the same one
// transaction as the Settings screen. Exits non-zero when the file cannot be read at all.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';
import type { VehicleImportReport } from '../../shared/contract/people';
import type { AppCore } from '../core/appCore';
import { peopleLabel } from '../core/people/labels';
import { UsageError } from './args';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}
const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function vehiclesCommand(args: string[], core: AppCore, io: Io = consoleIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean' }, lang: { type: 'string' }, db: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('vehicles needs exactly one FILE');
  const lang: Language = (LANGUAGES as readonly string[]).includes(values.lang ?? '')
    ? (values.lang as Language)
    : core.settings.get('language');
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    const msg = `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    if (values.json) io.out(JSON.stringify({ ok: false, error: { code: 'FILE_NOT_FOUND', message: msg } }));
    else io.err(msg);
    return 1;
  }
  const r = await core.dispatch(
    'vehicles.import',
    { name: basename(file), base64: data.toString('base64') },
    { transport: 'cli' },
  );
  if (!r.ok) {
    const message = peopleLabel(lang, `code.${r.error.code}`, {}, 'errors');
    if (values.json) io.out(JSON.stringify({ ok: false, error: { ...r.error, message } }));
    else io.err(`${file}: ${message}`);
    return 1;
  }
  const rep = r.value as VehicleImportReport;
  const reason = (x: VehicleImportReport['rejected'][number]) =>
    peopleLabel(lang, `registry.reason.${x.code}`, { line: x.value ?? '' });
  if (values.json)
    io.out(JSON.stringify({ ok: true, ...rep, rejected: rep.rejected.map((x) => ({ ...x, reason: reason(x) })) }));
  else {
    io.out(
      peopleLabel(lang, 'registry.report', {
        file: rep.fileName,
        total: rep.total,
        inserted: rep.inserted,
        updated: rep.updated,
        rejected: rep.rejected.length,
      }),
    );
    for (const x of rep.rejected) {
      io.out(
        `  ${peopleLabel(lang, 'registry.line', { line: x.line })}: ${reason(x)}${x.field ? ` (${peopleLabel(lang, `registry.field.${x.field}`)}${x.value && x.code !== 'DUPLICATE_IN_FILE' ? ` = "${x.value}"` : ''})` : ''}`,
      );
    }
  }
  return 0;
}
