// Desktop notifications (Electron's Notification) for new rows of the notification centre: on every
// `notifications.new` event and every 30 s, the current user's rows not shown yet are shown (and marked
// shown_at in the core, so each appears once, also across restarts). A click brings the window forward
// and opens the lead.
import type { AppCore } from '../core/appCore';

export interface NotificationLike {
  show(): void;
  on(ev: 'click', fn: () => void): unknown;
}
export interface NotifierDeps {
  core: AppCore;
  isSupported(): boolean;
  create(opts: { title: string; body: string }): NotificationLike;
  openLead(leadId: number): void;
  everyMs?: number;
}

export function startDesktopNotifier(d: NotifierDeps): () => void {
  const shown = new Set<NotificationLike>(); // keep references until clicked (Electron garbage-collects them otherwise)
  const tick = async () => {
    if (!d.isSupported()) return;
    try {
      const user = await d.core.resolveActor();
      if (user.id === null) return;
      const lang = d.core.settings.get('language');
      for (const n of await d.core.notifications.takeUnshown(user.id, d.core.clock.now(), lang)) {
        const note = d.create({ title: n.title, body: n.body });
        note.on('click', () => {
          shown.delete(note);
          if (n.leadId !== null) d.openLead(n.leadId);
        });
        shown.add(note);
        if (shown.size > 50) shown.delete(shown.values().next().value!);
        note.show();
      }
    } catch (e) {
      d.core.log('desktop notifications failed', e);
    }
  };
  const off = d.core.events.on((e) => {
    if (e.type === 'notifications.new') setTimeout(tick, 0);
  });
  tick();
  const timer = setInterval(tick, d.everyMs ?? 30_000);
  return () => {
    off();
    clearInterval(timer);
    shown.clear();
  };
}
