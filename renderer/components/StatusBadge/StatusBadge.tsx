import { useMantineTheme, type MantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/domain/vocabulary';
import { plainBadge } from '../PlainBadge';

const COLOR: Record<Status, string> = {
  assigned: 'blue',
  appointment: 'teal',
  closed_sale: 'green',
  closed_no_sale: 'gray',
  lost: 'red',
};

/** The lead status as the manual names it; an expired appointment shows a lock. */
export function StatusBadge({ status, frozen }: { status: Status; frozen?: boolean }) {
  const { t } = useTranslation();
  return statusBadge({ status, frozen }, t, useMantineTheme());
}

/** The same badge with the caller's `t` and theme: a list renders hundreds of them without a hook each. */
export function statusBadge(
  { status, frozen }: { status: Status; frozen?: boolean },
  t: (key: string) => string,
  theme: MantineTheme,
) {
  return plainBadge(
    theme,
    { color: COLOR[status], variant: 'light', radius: 'sm' },
    <>
      {t(`domain:status.${status}`)}
      {frozen ? ' 🔒' : ''}
    </>,
    { 'data-status': status },
  );
}
