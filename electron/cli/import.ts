// `npm run aslm -- import FILE [--preset NAME] [--merge] [--json] [--lang xx] [--db FILE]`: the lead import for
// scheduled tasks. Prints the report (imported, duplicates, rejected with line and reason); exits non-zero
// only when nothing could be read (unreadable file, unknown preset, missing file).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/contract/errors';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';
import type { AppCore } from '../core/appCore';
import { rowErrorLabel } from '../core/import/labels';
import { t } from '../core/i18n';
import { UsageError } from './args';

export interface ImportCommandIo {
  out(line: string): void;
  err(line: string): void;
}
const consoleIo: ImportCommandIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

export async function importCommand(args: string[], core: AppCore, io: ImportCommandIo = consoleIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        preset: { type: 'string' },
        merge: { type: 'boolean' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        db: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('import needs exactly one FILE');
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
  try {
    const r = await core.importer.commit(
      { name: basename(file), data },
      { preset: values.preset, duplicateDefault: values.merge ? 'merge' : 'skip', decisions: [] },
      await core.resolveActor({ transport: 'cli' }),
    );
    if (values.json) {
      io.out(
        JSON.stringify({
          ok: true,
          ...r,
          leadIds: undefined,
          rejected: r.rejected.map((x) => ({
            ...x,
            reason: rowErrorLabel(lang, `rowError.${x.code}`, { line: x.firstLine ?? '' }),
          })),
        }),
      );
    } else {
      io.out(
        rowErrorLabel(lang, 'cli.report', {
          file: r.fileName,
          imported: r.imported,
          merged: r.merged,
          skipped: r.skippedDuplicates,
          already: r.already,
          rejected: r.rejected.length,
        }),
      );
      if (r.firstNumber) io.out(`  ${r.firstNumber} … ${r.lastNumber}`);
      for (const d of r.duplicates) {
        io.out(
          `  ${rowErrorLabel(lang, 'header.line')} ${d.line}: ${rowErrorLabel(lang, 'duplicateOf', { by: rowErrorLabel(lang, `by.${d.by}`), number: d.leadNumber, name: '' }).replace(/ \(\)$/, '')} → ${rowErrorLabel(lang, d.action === 'merged' ? 'merge' : 'skip')}`,
        );
      }
      for (const x of r.rejected) {
        io.out(
          `  ${rowErrorLabel(lang, 'header.line')} ${x.line}: ${rowErrorLabel(lang, `rowError.${x.code}`, { line: x.firstLine ?? '' })}${x.field ? ` (${rowErrorLabel(lang, `fields.${x.field}`)}${x.value ? ` = "${x.value}"` : ''})` : ''}`,
        );
      }
    }
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const message = errorMessage(lang, e);
    if (values.json) io.out(JSON.stringify({ ok: false, error: { ...e.toJSON(), message } }));
    else io.err(`${file}: ${message}`);
    return 1;
  }
}

/** The import's own wording of an error (import:errors.*), else the app's (errors:code.*). */
export function errorMessage(lang: Language, e: AppError): string {
  const own = rowErrorLabel(lang, `errors.${e.code}`, e.params);
  return own === `errors.${e.code}` ? t(lang, `errors:code.${e.code}`, e.params ?? {}) : own;
}
