// The frame of every Settings card: a bordered card with a title, a dimmed help line and, on the right,
// an optional action (an "Add" or "Import" button); the card's content stacks below.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SettingsCardProps {
  title: ReactNode;
  help?: ReactNode;
  /** Shown at the right of the title (e.g. an "Add" button). */
  action?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function SettingsCard({ title, help, action, testId, children }: SettingsCardProps) {
  const heading = (
    <div>
      <Title order={4}>{title}</Title>
      {help !== undefined && (
        <Text size="sm" c="dimmed">
          {help}
        </Text>
      )}
    </div>
  );
  return (
    <Card withBorder data-testid={testId}>
      <Stack>
        {action === undefined ? (
          heading
        ) : (
          <Group justify="space-between" align="flex-start">
            {heading}
            {action}
          </Group>
        )}
        {children}
      </Stack>
    </Card>
  );
}
