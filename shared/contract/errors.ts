// Errors crossing the contract: a stable code (translated under errors.code.<CODE>), the field it
// belongs to, and interpolation params.
import { z } from 'zod';
import type { ErrorCode } from '../rules/errors';

export const appErrorSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema> & { code: ErrorCode };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly params?: Record<string, string | number>;
  readonly issues?: { path: string; message: string }[];
  constructor(
    code: ErrorCode,
    opts: {
      field?: string;
      params?: Record<string, string | number>;
      issues?: { path: string; message: string }[];
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    if (opts.field) this.field = opts.field;
    if (opts.params) this.params = opts.params;
    if (opts.issues) this.issues = opts.issues;
  }
  toJSON(): AppErrorShape {
    return {
      code: this.code,
      ...(this.field ? { field: this.field } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/** Every reply of every channel: the output, or a typed error. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
