// The frame of every Settings card: a bordered card with a title, a dimmed help line and, on the right,
// an optional action (an "Add" or "Import" button), the reason when the person may not change it (ReadOnlyNote);
// the card's content stacks below.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ReadOnlyNote, type ReadOnlyReason } from '../ReadOnlyNote';

export interface SettingsCardProps {
  title: ReactNode;
  help?: ReactNode;
  /** Shown at the right of the title (e.g. an "Add" button). */
  action?: ReactNode;
  testId?: string;
  /** The card is read-only for the person at the desk: who may change it (shown under the help, `<testId>-readonly`). */
  readOnly?: ReadOnlyReason | null;
  children: ReactNode;
}

export function SettingsCard({ title, help, action, testId, readOnly = null, children }: SettingsCardProps) {
  const heading = (
    <div>
      <Title order={4}>{title}</Title>
      {help !== undefined && (
        <Text size="sm" c="dimmed">
          {help}
        </Text>
      )}
      <ReadOnlyNote why={readOnly} testId={testId && `${testId}-readonly`} />
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
