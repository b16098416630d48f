// Browser mode: POST /api/invoke on the loopback server that served this page, with its token.
import type { Api } from '../../shared/contract';

export function httpBridge(): Api {
  const token = () => document.querySelector('meta[name="aslm-token"]')?.getAttribute('content') ?? '';
  return {
    async invoke(channel, input) {
      try {
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-ASLM-Token': token() },
          body: JSON.stringify({ channel, input }),
        });
        return await res.json();
      } catch {
        return { ok: false, error: { code: 'NETWORK' } };
      }
    },
  } satisfies Api;
}
