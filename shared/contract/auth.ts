// Sign-in (host mode, docs/rules.md §12): status, sign-in and sign-out, the password change, the manager's reset.
// In the local single-PC mode sign-in is off: auth.status says so and the app acts as the person at the desk.
import { z } from 'zod';
import { ROLES } from '../domain/vocabulary';

/** The password policy's shortest length (the core checks it too: PASSWORD_TOO_WEAK). */
export const PASSWORD_MIN_LENGTH = 10;

export const signedInUserSchema = z.object({ id: z.number(), name: z.string(), roles: z.array(z.enum(ROLES)) });
export type SignedInUser = z.infer<typeof signedInUserSchema>;

/** A temporary password, shown once (demo data, the first start of a host, the manager's reset). */
export const temporaryPasswordSchema = z.object({
  userId: z.number(),
  name: z.string(),
  /** What to type as the user name: the e-mail when there is one, else the name. */
  login: z.string(),
  password: z.string(),
});
export type TemporaryPassword = z.infer<typeof temporaryPasswordSchema>;

const password = z.string().max(200);

export const authChannels = {
  /** Public: is sign-in asked, and who is signed in with this session (null = nobody). */
  'auth.status': {
    input: z.object({}).default({}),
    output: z.object({
      signInRequired: z.boolean(),
      user: signedInUserSchema.nullable(),
      mustChangePassword: z.boolean(),
    }),
  },
  /** Public: the login is the user's name or e-mail (any case). */
  'auth.signIn': {
    input: z.object({ login: z.string().trim().min(1).max(254), password: password.min(1) }),
    output: z.object({
      token: z.string(),
      user: signedInUserSchema,
      mustChangePassword: z.boolean(),
      expiresAt: z.number(),
    }),
  },
  /** Ends this session (nothing to end is not an error). */
  'auth.signOut': { input: z.object({}).default({}), output: z.object({ signedOut: z.boolean() }) },
  /** The signed-in person's own password (also in the local mode, for the person at the desk). */
  'auth.changePassword': {
    input: z.object({ current: password, next: password }),
    output: z.object({ changed: z.literal(true) }),
  },
  /** The manager gives someone a temporary password (shown once): it must be changed, their sessions end, the lock goes. */
  'people.resetPassword': {
    input: z.object({ userId: z.number().int().positive() }),
    output: z.object({ temporaryPassword: z.string() }),
  },
};
