// iCalendar (RFC 5545) invitations for appointment e-mails: METHOD:REQUEST for a booking or a
// reschedule (same UID, higher SEQUENCE), METHOD:CANCEL when the appointment is withdrawn.
// Pure: every instant comes from the caller.

export interface IcsEvent {
  method: 'REQUEST' | 'CANCEL';
  /** Stable per lead: a reschedule updates the same calendar event. */
  uid: string;
  sequence: number;
  start: number;
  durationMinutes: number;
  /** When the invitation was produced (DTSTAMP). */
  stamp: number;
  summary: string;
  description?: string;
  location?: string;
  organizer: { email: string; name?: string };
  attendees: { email: string; name?: string }[];
}

/** The stable UID of a lead's appointment event. */
export const appointmentUid = (leadId: number, domain = 'aslm-desk.local'): string =>
  `lead-${leadId}-appointment@${domain}`;

const pad = (n: number) => String(n).padStart(2, '0');
/** UTC date-time in the basic format: 20260305T090000Z. */
export function icsDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** DTSTART of an invitation written by buildIcs (UTC, basic format), in ms; null when it has none. */
export function icsStart(ics: string): number | null {
  const m = /^DTSTART:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\r?$/m.exec(ics);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
}

/** TEXT escaping (RFC 5545 §3.3.11). */
export const icsText = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  let curLen = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (curLen + n > limit) {
      parts.push(cur);
      cur = '';
      curLen = 0;
    }
    cur += ch;
    curLen += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

const cn = (p: { email: string; name?: string }) => (p.name ? `;CN="${p.name.replace(/["\\\r\n]/g, '')}"` : '');

export function buildIcs(e: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//ASLM Desk//Appointments//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsDate(e.stamp)}`,
    `DTSTART:${icsDate(e.start)}`,
    `DTEND:${icsDate(e.start + e.durationMinutes * 60_000)}`,
    `SUMMARY:${icsText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${icsText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${icsText(e.location)}`] : []),
    `ORGANIZER${cn(e.organizer)}:mailto:${e.organizer.email}`,
    ...e.attendees.map((a) => `ATTENDEE${cn(a)};ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:${a.email}`),
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
