// What the readers (readerPool.ts) answer: the long reads — every open lead of a person (My day), the whole database's
// matches (a search), a KPI period — pure reads with no write and no state kept between calls. They take 20–200 ms at
// 250,000 leads; on a reader they no longer hold up the other desks' calls.
// The quick reads (a list page, the counts, a lead, its next steps: 1–8 ms) stay on the main connection: its page
// cache stays warm, while a reader's is emptied by every commit of another connection (SQLite, WAL mode) — a list
// page sorted by name took 20 ms there instead of 6. Everything that writes runs on the main connection, the only writer.
export const READER_CHANNELS: ReadonlySet<string> = new Set([
  'leads.globalSearch',
  'playbook.myDay',
  'playbook.list',
  'kpi.dashboard',
  'kpi.trend',
  'kpi.leads',
  'leads.list', // searched only (forReader)
]);

/** Whether a call goes to a reader: a long read, or a list searched by what was typed. */
export function forReader(channel: string, input: unknown): boolean {
  if (channel === 'leads.list') {
    const search = (input as { search?: unknown } | null | undefined)?.search;
    return typeof search === 'string' && search.trim() !== '';
  }
  return READER_CHANNELS.has(channel);
}

/** A call sent to a reader: the context as the main core resolved it (who acts), and the main clock's time. */
export interface ReaderRequest {
  id: number;
  channel: string;
  input: unknown;
  ctx: { transport: 'ipc' | 'http' | 'host' | 'cli' | 'test'; userId: number | null; deskId?: number | null };
  now: number;
}
export type ReaderMessage =
  { type: 'ready' } | { type: 'reply'; id: number; reply: unknown } | { type: 'failed'; error: string };
export interface ReaderWorkerData {
  dbPath: string;
  timeZone?: string;
  validateOutput: boolean;
}
