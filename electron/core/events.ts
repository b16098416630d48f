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

/**
 * Where an event comes from (issue 15, several app cores on one PostgreSQL database). `remote`: another core wrote it
 * (heard on the database's channel): the listeners that only tell desks pass it on, those that write (the alerts) skip
 * it, its core did that. `published`: already sent to the other cores (inside its transaction).
 */
export interface EmitMeta {
  remote?: boolean;
  published?: boolean;
}

export interface Events {
  emit(e: AppEvent, meta?: EmitMeta): void;
  on(fn: (e: AppEvent, meta: EmitMeta) => void): () => void;
}

/** `publish`: this core's own events (neither remote nor published) also go to the other cores (PostgreSQL). */
export function createEvents(log: (msg: string, err?: unknown) => void, publish?: (e: AppEvent) => void): Events {
  const fns = new Set<(e: AppEvent, meta: EmitMeta) => void>();
  return {
    emit(e, meta = {}) {
      if (publish && !meta.remote && !meta.published) {
        try {
          publish(e);
        } catch (err) {
          log(`event ${e.type} not sent to the other cores`, err);
        }
      }
      for (const fn of fns) {
        try {
          fn(e, meta);
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
