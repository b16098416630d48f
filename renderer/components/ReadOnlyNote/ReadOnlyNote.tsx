// Under a Settings card (or beside controls) the person at the desk may not change: one line saying who can —
// the manager (permission `manage`), or with several sites a group manager (`group`, docs/rules.md §11.8).
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Why the controls are read-only: only the manager may change them, or only a group manager. */
export type ReadOnlyReason = 'manage' | 'group';

export function ReadOnlyNote({ why, testId }: { why: ReadOnlyReason | null; testId?: string | undefined }) {
  const { t } = useTranslation();
  if (why === null) return null;
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {t(why === 'group' ? 'settings:common.readOnlyGroup' : 'settings:common.readOnly')}
    </Text>
  );
}
