// A real SMTP server on loopback (smtp-server) for the e-mail tests: every message received is parsed
// with mailparser; the server can be stopped ("down") and started again on the same port.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface Received {
  raw: string;
  mail: ParsedMail;
  to: string;
  messageId: string;
  ics: string | null;
}
export interface TestSmtp {
  port: number;
  received: Received[];
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
  reject?: (to: string) => string | null;
  rejectCode?: number;
  /** Awaited after a message's data has arrived, before the server answers (a test holds the answer to interleave). */
  beforeAnswer?: () => Promise<void>;
  /** The answer to the message's data: null = 250 accepted, else this text with `code` (e.g. 451). */
  dataReject?: { code: number; text: string } | null;
}

export async function startSmtp(
  opts: { port?: number; user?: string; pass?: string; delayMs?: number } = {},
): Promise<TestSmtp> {
  const received: Received[] = [];
  let server: SMTPServer | null = null;
  let port = opts.port ?? 0;
  const self: TestSmtp = {
    port,
    received,
    async start() {
      server = new SMTPServer({
        secure: false,
        disabledCommands: opts.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
        authOptional: !opts.user,
        allowInsecureAuth: true,
        logger: false,
        onAuth(auth, _s, cb) {
          if (auth.username === opts.user && auth.password === opts.pass) cb(null, { user: auth.username });
          else cb(new Error('Invalid username or password'));
        },
        onRcptTo(address, _s, cb) {
          const why = self.reject?.(address.address) ?? null;
          if (why) {
            const e = new Error(why) as Error & { responseCode: number };
            e.responseCode = self.rejectCode ?? 550;
            cb(e);
          } else cb();
        },
        onData(stream, session, cb) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            void simpleParser(raw).then((mail) => {
              const cal = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
              const icsPart = cal ? cal.content.toString('utf8') : null;
              received.push({
                raw,
                mail,
                to: session.envelope.rcptTo.map((r) => r.address).join(','),
                messageId: mail.messageId ?? '',
                ics: icsPart ?? textCalendar(mail),
              });
              // A slow server (crash test): the message is kept, the answer comes later.
              const answer = () => {
                const r = self.dataReject;
                if (r) {
                  const e = new Error(r.text) as Error & { responseCode: number };
                  e.responseCode = r.code;
                  cb(e);
                } else cb();
              };
              const held = self.beforeAnswer ? self.beforeAnswer() : Promise.resolve();
              void held.then(() => {
                if (opts.delayMs) setTimeout(answer, opts.delayMs);
                else answer();
              });
            }, cb);
          });
        },
      });
      await new Promise<void>((ok, fail) => {
        server!.once('error', fail);
        server!.listen(port, '127.0.0.1', () => ok());
      });
      port = (server.server.address() as AddressInfo).port;
      self.port = port;
    },
    async stop() {
      if (server) {
        const s = server;
        server = null;
        await new Promise<void>((ok) => s.close(() => ok()));
      }
    },
    async close() {
      await self.stop();
    },
  };
  await self.start();
  return self;
}

/** nodemailer's icalEvent is an alternative text/calendar part, which mailparser may expose as textAsHtml-less alternative. */
function textCalendar(mail: ParsedMail): string | null {
  const m = /BEGIN:VCALENDAR[\s\S]*?END:VCALENDAR/.exec((mail as unknown as { text?: string }).text ?? '');
  return m ? m[0] : null;
}
