import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "Updated N minutes ago", ticking every 30 s. */
export function UpdatedAgo({ at }: { at: number | null }) {
  const { t } = useTranslation();
  const [, tick] = useState(0);
  const [loadedAt, setLoadedAt] = useState(() => Date.now());
  useEffect(() => {
    setLoadedAt(Date.now());
  }, [at]);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(id);
  }, []);
  const minutes = Math.floor((Date.now() - loadedAt) / 60_000);
  return (
    <span data-testid="updated-ago">
      {minutes < 1 ? t('app:list.updatedJustNow') : t('app:list.updatedAgo', { count: minutes })}
    </span>
  );
}
