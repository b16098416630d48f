// Channels of the shell's data safety: the state of the database (normal or recovery), backups,
// restore and export. They answer in recovery mode too (the only ones that do).
import { z } from 'zod';

/** A backup file name as the core writes it: aslm-<UTC time>.sqlite (nothing else can be restored). */
export const BACKUP_FILE = /^aslm-\d{8}T\d{6}(?:\d{3})?Z\.sqlite$/;

export const backupEntrySchema = z.object({
  file: z.string(),
  at: z.number(),
  size: z.number(),
  /** The result of PRAGMA quick_check when asked for (`backup.list` with check), else null. */
  check: z.enum(['ok', 'damaged']).nullable(),
});
export type BackupEntryOut = z.infer<typeof backupEntrySchema>;

export const shellStatusSchema = z.object({
  mode: z.enum(['normal', 'recovery']),
  /** Why the app is in recovery mode: the start-up check failed (damaged) or the file could not be opened. */
  problem: z
    .object({
      kind: z.enum(['damaged', 'unopenable']),
      detail: z.string(),
      /** A refusal with an error code (DATABASE_ON_NETWORK_DRIVE): shown in words, errors:code.<code>. */
      code: z.string().optional(),
      params: z.record(z.string(), z.string()).optional(),
    })
    .nullable(),
  dbPath: z.string(),
  backupDir: z.string(),
  /** Electron: export asks where with the save dialog; browser mode: the user types a path. */
  saveDialog: z.boolean(),
  /** A suggested export path (browser mode). */
  exportSuggestion: z.string(),
});
export type ShellStatus = z.infer<typeof shellStatusSchema>;

export const backupChannels = {
  'shell.status': { input: z.object({}).default({}), output: shellStatusSchema },
  'backup.list': {
    input: z.object({ check: z.boolean().default(false) }).default({ check: false }),
    output: z.object({ dir: z.string(), backups: z.array(backupEntrySchema) }),
  },
  'backup.create': { input: z.object({}).default({}), output: backupEntrySchema },
  'backup.restore': {
    input: z.object({ file: z.string().max(64).regex(BACKUP_FILE) }),
    output: shellStatusSchema,
  },
  'backup.export': {
    /** target: an absolute path for the copy; null = ask with the save dialog (Electron). */
    input: z.object({ target: z.string().trim().min(1).max(1024).nullable() }),
    output: z.object({ path: z.string().nullable(), size: z.number() }),
  },
};
