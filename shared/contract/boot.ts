// The first screen's reads in one call (cold start; renderer/app/boot.ts): the core answers, in order, exactly the calls
// the screens would make one by one — the shell's state, the person's list layout, who is at the desk, the settings,
// the bell's first notifications, the sign-in state, the app info, the view counts, the people, then for a list address
// its first page and that page's next steps. Each call goes through the same checks as if it came alone (sign-in,
// permissions, input and output schemas): a refused one is in the answer as its refusal.
import { z } from 'zod';
import { SORT_KEYS } from '../domain/listLayout';
import { LIST_VIEWS } from '../domain/vocabulary';

export const bootListSchema = z.object({
  view: z.enum(LIST_VIEWS),
  q: z.string().max(200),
  sort: z.enum(SORT_KEYS),
  dir: z.enum(['asc', 'desc']),
  page: z.number().int().min(0).max(1_000_000),
  who: z.string().regex(/^(all|mine|queue|u:\d{1,9})$/),
});

export const bootCallSchema = z.object({
  channel: z.string(),
  /** The input as the screen sends it (its key in the renderer's start-up answers). */
  input: z.unknown(),
  /** The call's reply: `{ ok: true, value }` or `{ ok: false, error }`, as if it had been asked alone. */
  reply: z.unknown(),
});

export const bootChannels = {
  'shell.boot': {
    input: z
      .object({
        /** The list the address shows (null: another screen). */
        list: bootListSchema.nullable().default(null),
      })
      .default({ list: null }),
    output: z.object({ calls: z.array(bootCallSchema) }),
  },
};
