// Vehicle Details: the VIN (the only editable field) and what the local registry knows about it.
import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LeadDetail } from '../../../../shared/contract/models';
import { formatDate, formatNumber } from '../../../app/format';
import { Field, Section } from './Field';

export function VehicleSection({ detail, onEdit }: { detail: LeadDetail; onEdit?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const v = detail.vehicle;
  const l = detail.lead;
  const extra = detail.vinUnknown ? (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} mb="sm" data-testid="vin-unknown">
      {t('desk:vehicle.unknown')}
    </Alert>
  ) : l.vin === null ? (
    <Alert color="gray" mb="sm" data-testid="vin-missing">
      {t('desk:vehicle.missing')}
    </Alert>
  ) : null;
  return (
    <Section title={t('desk:section.vehicle')} testId="section-vehicle" extra={extra}>
      <Field name="vin">
        <Group gap="xs">
          <span data-testid="lead-vin" style={{ fontFamily: 'monospace' }}>
            {l.vin ?? '—'}
          </span>
          {onEdit && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPencil size={12} />}
              onClick={onEdit}
              data-testid="edit-vin-button"
            >
              {t('desk:vehicle.editVin')}
            </Button>
          )}
        </Group>
      </Field>
      <Field name="model">{v?.model}</Field>
      <Field name="ownerName">{v?.ownerName}</Field>
      <Field name="warrantyStart">{formatDate(v?.warrantyStart, lang)}</Field>
      <Field name="warrantyEnd">{formatDate(v?.warrantyEnd, lang)}</Field>
      <Field name="currentWarranty">{v?.currentWarranty}</Field>
      <Field name="currentWarrantyStart">{formatDate(v?.currentWarrantyStart, lang)}</Field>
      <Field name="currentWarrantyEnd">{formatDate(v?.currentWarrantyEnd, lang)}</Field>
      <Field name="averageKm">{v?.averageKm != null ? formatNumber(v.averageKm, lang) : null}</Field>
      <Field name="mileage">{v?.mileage != null ? formatNumber(v.mileage, lang) : null}</Field>
      <Field name="endOfOwnership">{formatDate(v?.endOfOwnership ?? l.endOfOwnership, lang)}</Field>
      <Field name="serviceContract">
        {v?.serviceContract
          ? `${v.serviceContract}${v.serviceContractExpiry ? ` (${formatDate(v.serviceContractExpiry, lang)})` : ''}`
          : null}
      </Field>
    </Section>
  );
}
