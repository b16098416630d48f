// A read-only field of a lead section: label above, value below (free text rendered as React text).
import { Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Field({ name, children, span }: { name: string; children: ReactNode; span?: boolean }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <Stack gap={0} style={span ? { gridColumn: '1 / -1' } : undefined} data-testid={`field-${name}`}>
      <Text size="xs" c="dimmed" fw={500}>
        {t(`desk:field.${name}`)}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : typeof children === 'string' || typeof children === 'number' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

export function Section({
  title,
  children,
  testId,
  extra,
}: {
  title: string;
  children: ReactNode;
  testId: string;
  extra?: ReactNode;
}) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {extra}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="xs">
        {children}
      </SimpleGrid>
    </Card>
  );
}

export function YesNo({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  if (value === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Badge size="sm" variant="light" color={value ? 'green' : 'gray'}>
      {value ? t('desk:common.yes') : t('desk:common.no')}
    </Badge>
  );
}

export function SlaState({ state }: { state: 'met' | 'missed' | 'pending' }) {
  const { t } = useTranslation();
  const color = state === 'met' ? 'green' : state === 'missed' ? 'red' : 'yellow';
  return (
    <Badge size="sm" variant="light" color={color} data-sla-state={state}>
      {t(`desk:sla.${state}`)}
    </Badge>
  );
}
