import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/domain/vocabulary';

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
  return statusBadge({ status, frozen }, t);
}

/** The same badge with the caller's `t`: a list renders hundreds of them without a translation hook each. */
export function statusBadge({ status, frozen }: { status: Status; frozen?: boolean }, t: (key: string) => string) {
  return (
    <Badge color={COLOR[status]} variant="light" radius="sm" tt="none" data-status={status}>
      {t(`domain:status.${status}`)}
      {frozen ? ' 🔒' : ''}
    </Badge>
  );
}
