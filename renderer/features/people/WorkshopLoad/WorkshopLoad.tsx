// Beside the date picker when booking: appointments per day for the coming two weeks against the
// workshop's daily capacity (closed days greyed). Clicking a day does nothing: it is an indication. Several sites: the
// load of the lead's site (`siteId`: its appointments, opening days and capacity), not the site in view.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { invoke } from '../../../platform';
import { formatDay, formatNumber } from '../../../app/format';

export function WorkshopLoad({ siteId }: { siteId?: number | undefined }) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Output<'workshop.load'> | null>(null);
  useEffect(() => {
    void invoke('workshop.load', { days: 14, siteId }).then((r) => {
      if (r.ok) setLoad(r.value);
    });
  }, [siteId]);
  if (!load) return null;
  return (
    <Stack gap={2} data-testid="workshop-load">
      <Text size="sm" fw={500}>
        {t('people:workshop.loadTitle', { capacity: load.capacity })}
      </Text>
      {load.days.map((d) => {
        const full = d.open && d.appointments >= d.capacity;
        return (
          <Group key={d.date} gap={6} wrap="nowrap" data-testid={`load-${d.date}`} opacity={d.open ? 1 : 0.7}>
            <Text size="xs" w={88} style={{ whiteSpace: 'nowrap' }}>
              {formatDay(d.date, i18n.language, 'weekday')}
            </Text>
            <Progress.Root style={{ flex: 1 }} size="sm">
              <Progress.Section
                color={full ? 'red' : d.appointments / Math.max(1, d.capacity) > 0.7 ? 'orange' : 'teal'}
                value={d.open ? Math.min(100, (100 * d.appointments) / Math.max(1, d.capacity)) : 0}
                aria-label={`${formatDay(d.date, i18n.language, 'weekday')} ${d.open ? `${d.appointments}/${d.capacity}` : t('people:workshop.closed')}`}
              />
            </Progress.Root>
            <Text size="xs" w={48} ta="right">
              {d.open
                ? `${formatNumber(d.appointments, i18n.language)}/${formatNumber(d.capacity, i18n.language)}`
                : t('people:workshop.closed')}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
