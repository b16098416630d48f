// Create or edit a person: name, e-mail, language, active, roles (several), absence periods, PIN.
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, ROLES, type Language, type Role } from '../../../../shared/domain/vocabulary';
import { invoke } from '../../../platform';
import { SiteField } from '../../sites/SiteField';
import type { UserRow } from '../usePeople';

interface Props {
  user: UserRow | 'new' | null;
  onClose(): void;
  onSaved(): void;
}

export function UserEditor({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const u = user === 'new' ? null : user;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Language>('en');
  const [active, setActive] = useState(true);
  const [roles, setRoles] = useState<Role[]>([]);
  const [absences, setAbsences] = useState<{ from: string; to: string }[]>([]);
  const [pin, setPin] = useState('');
  const [removePin, setRemovePin] = useState(false);
  /** The person's site (several sites only): undefined = unchanged. */
  const [siteId, setSiteId] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<{ code: string; field?: string } | null>(null);
  useEffect(() => {
    setName(u?.name ?? '');
    setEmail(u?.email ?? '');
    setLanguage(u?.language ?? 'en');
    setActive(u?.active ?? true);
    setRoles(u?.roles ?? []);
    setAbsences(u?.absences ?? []);
    setPin('');
    setRemovePin(false);
    setSiteId(u?.siteId);
    setError(null);
  }, [user]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = async () => {
    const r = await invoke('people.save', {
      id: u?.id ?? null,
      name,
      email: email || null,
      language,
      active,
      roles,
      absences: absences.filter((a) => a.from && a.to),
      ...(removePin ? { pin: null } : pin ? { pin } : {}),
      ...(siteId !== undefined ? { siteId } : {}),
    });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    onSaved();
  };
  const fieldErr = (f: string) => (error && error.field?.startsWith(f) ? t(`errors:code.${error.code}`) : null);
  const setAbs = (i: number, k: 'from' | 'to', v: string) =>
    setAbsences(absences.map((a, j) => (j === i ? { ...a, [k]: v } : a)));
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={u ? t('people:edit.title', { name: u.name }) : t('people:edit.new')}
      size="lg"
    >
      <Stack data-testid="user-editor">
        <TextInput
          label={t('people:field.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={fieldErr('name')}
          data-testid="user-name"
        />
        <Group grow>
          <TextInput
            label={t('people:field.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErr('email')}
            data-testid="user-email"
          />
          <Select
            label={t('people:field.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
            value={language}
            onChange={(v) => v && setLanguage(v as Language)}
            allowDeselect={false}
          />
        </Group>
        <MultiSelect
          label={t('people:field.roles')}
          data={ROLES.map((r) => ({ value: r, label: t(`people:role.${r}`) }))}
          value={roles}
          onChange={(v) => setRoles(v as Role[])}
          error={fieldErr('roles')}
          data-testid="user-roles"
        />
        <SiteField value={siteId} onChange={setSiteId} group error={fieldErr('siteId')} testId="user-site" />
        <Switch
          label={t('people:field.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <div>
          <Text size="sm" fw={500}>
            {t('people:field.absences')}
          </Text>
          {absences.map((a, i) => (
            <Group key={i} gap="xs" mt={4}>
              <TextInput
                type="date"
                aria-label={t('people:absence.from')}
                value={a.from}
                onChange={(e) => setAbs(i, 'from', e.currentTarget.value)}
              />
              <TextInput
                type="date"
                aria-label={t('people:absence.to')}
                value={a.to}
                onChange={(e) => setAbs(i, 'to', e.currentTarget.value)}
                error={fieldErr(`absences.${i}`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() => setAbsences(absences.filter((_, j) => j !== i))}
                aria-label={t('people:absence.remove')}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button
            size="compact-xs"
            variant="subtle"
            mt={4}
            leftSection={<IconPlus size={12} />}
            onClick={() => setAbsences([...absences, { from: '', to: '' }])}
          >
            {t('people:absence.add')}
          </Button>
        </div>
        <Group align="flex-end">
          <PasswordInput
            label={u?.hasPin ? t('people:field.newPin') : t('people:field.pin')}
            description={t('people:field.pinHelp')}
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            error={fieldErr('pin')}
            disabled={removePin}
            w={220}
          />
          {u?.hasPin && (
            <Checkbox
              label={t('people:field.removePin')}
              checked={removePin}
              onChange={(e) => setRemovePin(e.currentTarget.checked)}
            />
          )}
        </Group>
        {error && !['name', 'email', 'roles', 'absences', 'pin', 'siteId'].some((f) => error.field?.startsWith(f)) && (
          <Text c="red" size="sm" data-testid="user-error">
            {t(`errors:code.${error.code}`, { defaultValue: t('errors:code.INTERNAL') })}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('people:action.cancel')}
          </Button>
          <Button onClick={() => void save()} data-testid="user-save">
            {t('people:action.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
