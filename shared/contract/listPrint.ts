// The manual's "print format" of a list view: the list as currently filtered, searched and sorted, every row
// (up to a cap the document mentions), as a printable A4 PDF in the user's language.
import { z } from 'zod';
import { LANGUAGES } from '../domain/vocabulary';
import { listQuery } from './leads';

export const listPrintInput = listQuery
  .omit({ page: true, pageSize: true })
  .extend({ language: z.enum(LANGUAGES).optional() });
export type ListPrintQuery = z.input<typeof listPrintInput>;

export const listPrintChannels = {
  'lists.print': {
    input: listPrintInput,
    output: z.object({
      fileName: z.string(),
      mime: z.string(),
      base64: z.string(),
      bytes: z.number(),
      rows: z.number(),
      total: z.number(),
    }),
  },
};
