// Channels of the lead import (CSV / XLSX files from HQ campaigns, web forms, the Owner App).
import { z } from 'zod';
import { LANGUAGES, SOURCES } from '../domain/vocabulary';
import { IMPORT_FIELDS, importMappingSchema } from '../import/mapping';

/** A file as the renderer sends it: name + content in base64 (≤ 60 MB). */
export const importFileSchema = z.object({
  name: z.string().trim().min(1).max(260),
  base64: z.string().max(80_000_000),
});

export const importOptionsSchema = importFileSchema.extend({
  /** A saved preset by name (its mapping is used unless `mapping` is given). */
  preset: z.string().trim().max(80).nullish(),
  mapping: importMappingSchema.nullish(),
});
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;

export const duplicateDecisionSchema = z.object({ line: z.number().int().min(1), action: z.enum(['skip', 'merge']) });
export const importCommitSchema = importOptionsSchema.extend({
  decisions: z.array(duplicateDecisionSchema).max(100_000).default([]),
  /** What to do with duplicates the user did not decide on. */
  duplicateDefault: z.enum(['skip', 'merge']).default('skip'),
  /** Save the mapping used as this preset (name) after a successful import. */
  saveAsPreset: z.string().trim().min(1).max(80).nullish(),
});
export type ImportCommitInput = z.input<typeof importCommitSchema>;

const field = z.enum(IMPORT_FIELDS);
export const rowIssueSchema = z.object({
  line: z.number(),
  code: z.string(),
  field: field.optional(),
  value: z.string().optional(),
  /** For DUPLICATE_IN_FILE: the line of the first row. */
  firstLine: z.number().optional(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

export const duplicateSchema = z.object({
  line: z.number(),
  name: z.string(),
  by: z.enum(['vin', 'email', 'phone']),
  leadId: z.number(),
  leadNumber: z.string(),
  leadName: z.string(),
  campaign: z.string(),
});
export type DuplicateRow = z.infer<typeof duplicateSchema>;

export const previewRowSchema = z.object({
  line: z.number(),
  cells: z.array(z.string()),
  state: z.enum(['new', 'already', 'duplicate', 'rejected']),
  code: z.string().optional(),
  field: field.optional(),
});

export const importSummarySchema = z.object({
  total: z.number(),
  valid: z.number(),
  already: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
});

export const importPreviewSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  /** A file mixing UTF-8 and Windows-1252 lines (encoding `utf-8+windows-1252`): the lines read as Windows-1252 (first 1,000). */
  cp1252Lines: z.array(z.number()).optional(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  suggested: importMappingSchema.shape.columns,
  mapping: importMappingSchema,
  preset: z.string().nullable(),
  rows: z.array(previewRowSchema),
  summary: importSummarySchema,
  duplicates: z.array(duplicateSchema),
  rejected: z.array(rowIssueSchema),
  /** Fields no column is mapped to although a row needs them (no default either). */
  missing: z.array(z.enum(['name', 'contact', 'campaign', 'leadType'])),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importReportSchema = z.object({
  fileName: z.string(),
  at: z.number(),
  total: z.number(),
  imported: z.number(),
  merged: z.number(),
  skippedDuplicates: z.number(),
  already: z.number(),
  rejected: z.array(rowIssueSchema),
  /** Rows that matched an open lead, with what was done. */
  duplicates: z.array(
    z.object({
      line: z.number(),
      leadId: z.number(),
      leadNumber: z.string(),
      by: z.enum(['vin', 'email', 'phone']),
      action: z.enum(['skipped', 'merged']),
    }),
  ),
  leadIds: z.array(z.number()),
  firstNumber: z.string().nullable(),
  lastNumber: z.string().nullable(),
  ms: z.number(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const presetSchema = z.object({
  name: z.string().trim().min(1).max(80),
  source: z
    .enum(SOURCES)
    .nullish()
    .transform((v) => v ?? null),
  mapping: importMappingSchema,
});
export const presetRowSchema = presetSchema.extend({ id: z.number(), updatedAt: z.number() });
export type ImportPreset = z.infer<typeof presetRowSchema>;

export const watchFolderSchema = z.object({
  enabled: z.boolean().default(false),
  path: z.string().trim().max(1000).default(''),
  preset: z
    .string()
    .trim()
    .max(80)
    .nullish()
    .transform((v) => v ?? null),
  duplicateDefault: z.enum(['skip', 'merge']).default('skip'),
  intervalSeconds: z.number().int().min(5).max(3600).default(30),
});
export type WatchFolderSettings = z.infer<typeof watchFolderSchema>;

export const importChannels = {
  'import.preview': { input: importOptionsSchema, output: importPreviewSchema },
  'import.commit': { input: importCommitSchema, output: importReportSchema },
  'import.rejectedCsv': {
    input: importOptionsSchema.extend({ language: z.enum(LANGUAGES).optional() }),
    output: z.object({ fileName: z.string(), content: z.string(), count: z.number() }),
  },
  'import.presets.list': { input: z.object({}).default({}), output: z.array(presetRowSchema) },
  'import.presets.save': { input: presetSchema, output: presetRowSchema },
  'import.presets.delete': {
    input: z.object({ name: z.string().trim().min(1).max(80) }),
    output: z.object({ deleted: z.boolean() }),
  },
  'import.watchFolder.get': { input: z.object({}).default({}), output: watchFolderSchema },
  'import.watchFolder.set': { input: watchFolderSchema, output: watchFolderSchema },
  'import.watchFolder.scan': {
    input: z.object({}).default({}),
    output: z.array(
      z.object({
        file: z.string(),
        ok: z.boolean(),
        movedTo: z.string(),
        imported: z.number(),
        error: z.string().optional(),
      }),
    ),
  },
};
