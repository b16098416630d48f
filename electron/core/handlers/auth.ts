// Handlers of sign-in (shared/contract/auth.ts, docs/rules.md §12). The session check itself runs before every
// handler (auth.authenticate in the dispatcher); these answer the sign-in screen, the password change and the reset.
import type { Contract } from '../../../shared/contract';
import type { authChannels } from '../../../shared/contract/auth';
import { AppError } from '../../../shared/contract/errors';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../services';

export const authHandlers = (c: CoreServices) =>
  ({
    'auth.status': async (_i, ctx) => {
      const s = await c.auth.status(ctx, c.auth.required ? null : c.actor(ctx).id);
      return { signInRequired: c.auth.required, ...s };
    },
    'auth.signIn': ({ login, password }, ctx) => c.auth.signIn(login, password, ctx.deskId ?? undefined),
    'auth.signOut': async (_i, ctx) => ({ signedOut: await c.auth.signOut(ctx) }),
    'auth.changePassword': async ({ current, next }, ctx) => {
      const id = c.actor(ctx).id;
      if (id === null) throw new AppError('SIGN_IN_REQUIRED');
      await c.auth.changePassword(id, current, next, ctx.sessionToken);
      return { changed: true as const };
    },
    'people.resetPassword': async ({ userId }) => ({ temporaryPassword: await c.auth.resetPassword(userId) }),
  }) satisfies Pick<HandlerMap<Contract>, keyof typeof authChannels>;
