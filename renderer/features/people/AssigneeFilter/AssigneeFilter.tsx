// The list's assignee filter: everyone, my leads (with the unassigned queue), the unassigned queue, or one person.
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { assigneeQuery, type AssigneeChoice } from '../assigneeQuery';
import { useCurrentUser, usePeople } from '../usePeople';

export { assigneeQuery, type AssigneeChoice };

export function AssigneeFilter({ value, onChange }: { value: string; onChange(v: string, q: AssigneeChoice): void }) {
  const { t } = useTranslation();
  const cur = useCurrentUser();
  const { users } = usePeople();
  const me = cur?.user?.id;
  const toQuery = (v: string): AssigneeChoice => assigneeQuery(v, me);
  return (
    <Select
      size="sm"
      w={220}
      value={value}
      allowDeselect={false}
      aria-label={t('people:filter.label')}
      data-testid="assignee-filter"
      // Its options only while open: a dropdown kept mounted is positioned at once (a forced layout at start-up).
      comboboxProps={{ keepMounted: false }}
      onChange={(v) => v && onChange(v, toQuery(v))}
      data={[
        { value: 'all', label: t('people:filter.all') },
        { value: 'mine', label: t('people:filter.mine') },
        { value: 'queue', label: t('people:filter.queue') },
        ...users.map((u) => ({ value: `u:${u.id}`, label: u.name })),
      ]}
    />
  );
}
