// In-process events after a commit (notifications, UI refresh). Listeners never fail the write.
export type AppEvent =
  | { type: 'lead.created'; leadId: number; at: number }
  | { type: 'lead.changed'; leadId: number; at: number; action?: string }
  /** `inBatch`: one of a file import's leads, whose alerts are sent together (see appCore). */
  /** `isNew`: the assignment of a lead just created (null = no rule routed it: the manager's queue). */
  | { type: 'lead.assigned'; leadId: number; at: number; assigneeId: number | null; inBatch?: boolean; isNew?: boolean }
  /** A file import created these leads (one event for the whole file, after its commit). */
  | { type: 'leads.imported'; leadIds: number[]; at: number }
  | { type: 'sweep.done'; name: string; at: number; changed: number }
  /** E-mails were written to the outbox (possibly inside a transaction still open: act on it later). */
  | { type: 'outbox.queued'; at: number }
  /** New rows in `notifications` (the desktop notifier shows them). */
  | { type: 'notifications.new'; at: number; count: number }
  /** A setting was written (after the commit of the call that wrote it; `channel` names that call). */
  | { type: 'settings.changed'; at: number; channel: string };

export interface Events {
  emit(e: AppEvent): void;
  on(fn: (e: AppEvent) => void): () => void;
}

export function createEvents(log: (msg: string, err?: unknown) => void): Events {
  const fns = new Set<(e: AppEvent) => void>();
  return {
    emit(e) {
      for (const fn of fns) {
        try {
          fn(e);
        } catch (err) {
          log(`event listener failed for ${e.type}`, err);
        }
      }
    },
    on(fn) {
      fns.add(fn);
      return () => fns.delete(fn);
    },
  };
}
