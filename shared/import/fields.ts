// Lead import: the fields a file's columns map to, and the mapping (columns + defaults + date order).
import { z } from 'zod';
import { LANGUAGES, LEAD_TYPES, SOURCES } from '../domain/vocabulary';

export const IMPORT_FIELDS = [
  'externalId',
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'otherPhone',
  'vin',
  'campaign',
  'leadType',
  'source',
  'language',
  'country',
  'state',
  'city',
  'zip',
  'requestFor',
  'requestDetails',
  'preferredAt1',
  'preferredAt2',
  'preferredAt3',
  'campaignNotes',
  'customerNotes',
  'additionalServices',
  'assignedAt',
  'consentDirectMarketing',
  'consentProfiling',
  'consentEmail',
  'consentPhone',
  'consentPost',
  'consentSms',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column header (as in the file) per field; absent = not imported. */
export const importMappingSchema = z.object({
  columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200)).default({}),
  /** Values for rows whose cell is empty or whose column is not mapped. */
  defaults: z
    .object({
      source: z.enum(SOURCES).optional(),
      leadType: z.enum(LEAD_TYPES).optional(),
      campaign: z.string().max(48).optional(),
      language: z.enum(LANGUAGES).optional(),
    })
    .default({}),
  /** How to read ambiguous dates such as 03/04/2026: day first (Europe) unless told otherwise. */
  dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;
