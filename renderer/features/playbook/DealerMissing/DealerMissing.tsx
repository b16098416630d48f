// The warning shown instead of blanks: a script or e-mail uses dealership values that are not set yet.
import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DealerMissing({ missing }: { missing: readonly string[] | undefined }) {
  const { t } = useTranslation();
  const fields = [...new Set(missing ?? [])];
  if (fields.length === 0) return null;
  return (
    <Alert color="yellow" p="xs" data-testid="dealer-missing">
      {t('playbook:dealerMissing', {
        fields: fields.map((f) => t(`templates:placeholder.${f}`, { defaultValue: f })).join(', '),
      })}{' '}
      <Anchor href="#/settings/general" size="sm">
        {t('playbook:dealerMissingLink')}
      </Anchor>
    </Alert>
  );
}
