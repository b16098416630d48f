// Browser mode: POST /api/invoke on the server that served this page, with its token and the sign-in session.
import type { Api } from '../../shared/contract';
import { sessionToken } from './session';

export function httpBridge(): Api {
  const token = () => document.querySelector('meta[name="aslm-token"]')?.getAttribute('content') ?? '';
  return {
    async invoke(channel, input) {
      const session = sessionToken();
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-ASLM-Token': token(),
            // The sign-in session (host mode): each tab its own.
            ...(session ? { 'X-ASLM-Session': session } : {}),
          },
          body: JSON.stringify({ channel, input }),
        });
        return await res.json();
      } catch {
        return { ok: false, error: { code: 'NETWORK' } };
      }
    },
  } satisfies Api;
}
