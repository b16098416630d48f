// Settings → contact templates: phone script, voicemail, e-mail and the customer's appointment e-mails in
// EN/FR/DE/IT, with placeholders.
import { Badge, Button, Group, Select, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { LANGUAGES, type Language } from '../../../../shared/domain/vocabulary';
import {
  EMAIL_TEMPLATE_KINDS,
  PLACEHOLDERS,
  TEMPLATE_KINDS,
  unknownPlaceholders,
  type TemplateKind,
} from '../../../../shared/templates/render';
import { call } from '../../../platform';
import { SettingsCard } from '../../../components/SettingsCard';
import { useCan } from '../../people/useCan';

type Row = Output<'templates.list'>[number];

export function TemplateEditor() {
  const { t, i18n } = useTranslation();
  // Saving and resetting: the same permission (shared/contract/permissions.ts).
  const { can, why } = useCan('templates.save');
  const [rows, setRows] = useState<Row[]>([]);
  const [kind, setKind] = useState<TemplateKind>('phone_script');
  const [lang, setLang] = useState<Language>(
    (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en',
  );
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const load = useCallback(async () => setRows(await call('templates.list', {})), []);
  useEffect(() => {
    void load();
  }, [load]);
  const current = rows.find((r) => r.kind === kind && r.language === lang);
  useEffect(() => {
    if (current) {
      setSubject(current.subject);
      setBody(current.body);
    }
  }, [current]);

  const save = async () => {
    await call('templates.save', { kind, language: lang, subject, body });
    notifications.show({ message: t('templates:editor.saved'), color: 'green' });
    await load();
  };
  const reset = async () => {
    await call('templates.reset', { kind, language: lang });
    await load();
  };
  const unknown = unknownPlaceholders(`${subject} ${body}`);
  return (
    <SettingsCard
      testId="template-editor"
      title={t('playbook:templatesCard.title')}
      help={t('playbook:templatesCard.subtitle')}
      readOnly={why}
    >
      <Group align="flex-end">
        <Select
          w={340}
          label={t('templates:editor.kind')}
          value={kind}
          allowDeselect={false}
          onChange={(v) => setKind((v as TemplateKind) ?? 'phone_script')}
          data={TEMPLATE_KINDS.map((k) => ({ value: k, label: t(`templates:kind.${k}`) }))}
          data-testid="template-kind"
        />
        <Select
          w={120}
          label={t('templates:editor.language')}
          value={lang}
          allowDeselect={false}
          onChange={(v) => setLang((v as Language) ?? 'en')}
          data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
          data-testid="template-language"
        />
        {current?.custom && <Badge>{t('templates:editor.customized')}</Badge>}
      </Group>
      {EMAIL_TEMPLATE_KINDS.includes(kind) && (
        <TextInput
          label={t('templates:editor.subject')}
          value={subject}
          readOnly={!can}
          onChange={(e) => setSubject(e.currentTarget.value)}
          data-testid="template-subject"
        />
      )}
      <Textarea
        label={t('templates:editor.body')}
        value={body}
        readOnly={!can}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={6}
        data-testid="template-body"
      />
      <Text size="xs" c="dimmed">
        {t('templates:editor.placeholders')}:{' '}
        {PLACEHOLDERS.map((p) => `{{${p}}} = ${t(`templates:placeholder.${p}`)}`).join(' · ')}
      </Text>
      {unknown.length > 0 && (
        <Text size="xs" c="orange">
          {unknown.map((u) => `{{${u}}}`).join(' ')} ?
        </Text>
      )}
      {can && (
        <Group justify="flex-end">
          {current?.custom && (
            <Button variant="subtle" onClick={() => void reset()} data-testid="template-reset">
              {t('templates:editor.reset')}
            </Button>
          )}
          <Button onClick={() => void save()} disabled={!body.trim()} data-testid="template-save">
            {t('templates:editor.save')}
          </Button>
        </Group>
      )}
    </SettingsCard>
  );
}
