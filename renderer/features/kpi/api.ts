// Data of the SLA & KPI screens: the dashboard and trend of a period, the click-through filter in the
// URL, and the report files (download in the browser, print dialog through the PDF viewer).
import { createContext, useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import type { Dashboard, KpiFilter, Trend } from '../../../shared/contract/kpi';
import type { AsOf } from '../../../shared/rules/kpi/period';
import { invoke } from '../../platform';

/** The site whose figures the dashboard shows (null: all sites, or one site): its click-throughs keep it. */
export const KpiSiteContext = createContext<number | null>(null);

/** `siteId`: several sites, whose figures (null = all sites; undefined = the core's default for the person). */
export function useKpi(period: string, asOf: AsOf = 'end', siteId?: number | null) {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [trend, setTrend] = useState<Trend | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    const [d, tr] = await Promise.all([
      invoke('kpi.dashboard', { period, asOf, ...(siteId === undefined ? {} : { siteId }) }),
      invoke('kpi.trend', { period, weeks: 12, asOf, ...(siteId === undefined ? {} : { siteId }) }),
    ]);
    if (mine !== seq.current) return;
    if (d.ok) setDashboard(d.value);
    else setError(d.error);
    if (tr.ok) setTrend(tr.value);
    else setError(tr.error);
    if (d.ok && tr.ok) setError(null);
  }, [period, asOf, siteId]);
  useEffect(() => {
    void load();
  }, [load]);
  return { dashboard, trend, error, reload: load };
}

/** The click-through link of a figure: #/kpi/leads?f=<filter>&period=<period>. */
export const figureHref = (f: KpiFilter, period: string): string =>
  `#/kpi/leads?f=${encodeURIComponent(JSON.stringify(f))}&period=${encodeURIComponent(period)}`;

export function parseFilter(raw: string | null): KpiFilter | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as KpiFilter;
  } catch {
    return null;
  }
}

function blobOf(base64: string, mime: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** Saves a file the core made (the browser's download; Electron shows its save dialog for downloads). */
export function saveFile(file: { base64: string; mime: string; fileName: string }): void {
  const url = URL.createObjectURL(blobOf(file.base64, file.mime));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens the PDF in the built-in viewer and asks for the print dialog. */
export function printPdf(file: { base64: string; mime: string }): void {
  const url = URL.createObjectURL(blobOf(file.base64, file.mime));
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.src = url;
  frame.onload = () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank');
    }
  };
  document.body.appendChild(frame);
  setTimeout(() => {
    frame.remove();
    URL.revokeObjectURL(url);
  }, 10 * 60_000);
}
