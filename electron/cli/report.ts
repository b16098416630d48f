// `aslm report`: the weekly/monthly report as a file (A4 PDF, XLSX with the contact tracking table, or
// the contact tracking table as CSV), made without a browser so scheduled tasks can run it.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';
import { AS_OF, isPeriodSpec, type AsOf } from '../../shared/rules/kpi/period';
import type { AppCore } from '../core/appCore';
import { makeReport, type ReportFormat } from '../core/kpi/report';
import { parseIso, UsageError } from './args';

export const reportUsage =
  'report --period 2026-W47|2026-11|last-week|… --out FILE [--format pdf|xlsx|csv] [--lang en|fr|de|it] [--as-of end|now] [--at ISO] [--db FILE]';
export const reportSummary =
  'write the weekly/monthly SLA & KPI report (A4 PDF), the XLSX workbook or the contact tracking CSV';

/** `asOf`: evaluate the figures as at the end of the period (default) or as of now (--at, else the clock). */
export interface ReportArgs {
  period: string;
  out: string;
  format: ReportFormat;
  lang?: Language;
  at?: number;
  db?: string;
  asOf?: AsOf;
}

/** Parses the command line of `report` (throws UsageError on bad input). */
export function parseReportArgs(argv: string[]): ReportArgs {
  let r;
  try {
    r = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        period: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
        at: { type: 'string' },
        'as-of': { type: 'string' },
      },
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = r.values;
  if (!v.period)
    throw new UsageError('--period is required (e.g. 2026-W47, 2026-11, 2026-11-01..2026-11-15, last-week)');
  if (!isPeriodSpec(v.period))
    throw new UsageError(
      `--period: not a period: "${v.period}" (e.g. 2026-W47, 2026-11, 2026-11-01..2026-11-15, last-week)`,
    );
  if (!v.out) throw new UsageError('--out FILE is required');
  const fromExt = extname(v.out).slice(1).toLowerCase();
  const format = (v.format ?? (['pdf', 'xlsx', 'csv'].includes(fromExt) ? fromExt : 'pdf')) as ReportFormat;
  if (!['pdf', 'xlsx', 'csv'].includes(format))
    throw new UsageError(`--format must be pdf, xlsx or csv, got "${v.format}"`);
  if (v.lang !== undefined && !(LANGUAGES as readonly string[]).includes(v.lang))
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, got "${v.lang}"`);
  const asOf = v['as-of'];
  if (asOf !== undefined && !(AS_OF as readonly string[]).includes(asOf))
    throw new UsageError(`--as-of must be end (as at the end of the period) or now, got "${asOf}"`);
  return {
    period: v.period,
    out: v.out,
    format,
    ...(asOf ? { asOf: asOf as AsOf } : {}),
    ...(v.lang ? { lang: v.lang as Language } : {}),
    ...(v.at ? { at: parseIso('at', v.at) } : {}),
    ...(v.db ? { db: v.db } : {}),
  };
}

/** Runs `report` on an open core. Prints what it wrote; returns the exit code. */
export async function reportCommand(
  args: ReportArgs,
  core: AppCore,
  print: (s: string) => void = console.log,
): Promise<number> {
  const now = args.at ?? core.clock.now();
  const r = await makeReport(
    core,
    {
      period: args.period,
      format: args.format,
      asOf: args.asOf ?? 'end',
      ...(args.lang ? { language: args.lang } : {}),
    },
    now,
  );
  writeFileSync(args.out, r.data);
  print(
    `Wrote ${r.data.length.toLocaleString('en')} bytes (${args.format.toUpperCase()}, ${args.period}, as ${args.asOf === 'now' ? 'of now' : 'at the end of the period'}) → ${args.out}`,
  );
  return 0;
}
