import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A section that is not built yet says so plainly (no fake data). */
export function Placeholder({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Alert color="gray">{t('app:placeholder.coming')}</Alert>
    </Stack>
  );
}
