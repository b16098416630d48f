// The list query of an assignee filter value, without React (also used by the start-up reads, app/boot.ts).

export interface AssigneeChoice {
  assigneeId?: number;
  unassigned?: boolean;
}

/** The list query of a filter value ('all', 'mine', 'queue', 'u:<id>'); 'mine' needs the person at the desk. */
export const assigneeQuery = (v: string, me: number | undefined): AssigneeChoice =>
  v === 'mine' && me
    ? { assigneeId: me, unassigned: true }
    : v === 'queue'
      ? { unassigned: true }
      : v.startsWith('u:')
        ? { assigneeId: Number(v.slice(2)) }
        : {};
