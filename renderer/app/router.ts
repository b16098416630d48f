// A tiny hash router: #/list/<view>, #/lead/<id>, #/kpi, #/help, #/settings … (works under app:// and http).
import { useEffect, useState } from 'react';

export function currentPath(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
}
export function currentQuery(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}
export function navigate(path: string): void {
  window.location.hash = path.startsWith('#') ? path : `#${path.startsWith('/') ? path : `/${path}`}`;
}
export function useRoute(): { path: string[]; query: URLSearchParams } {
  const [state, set] = useState(() => ({ path: currentPath(), query: currentQuery() }));
  useEffect(() => {
    const on = () => set({ path: currentPath(), query: currentQuery() });
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return state;
}
