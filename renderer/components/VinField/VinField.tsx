// The VIN field: checked as you type (ISO 3779), then looked up in the local vehicle registry; a
// valid VIN the registry does not know is accepted with a warning.
import { Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { isValidVin, normalizeVin } from '../../../shared/rules/vin';
import { invoke } from '../../platform';

type Lookup = Output<'desk.vehicleLookup'>;

interface Props {
  value: string;
  onChange(v: string): void;
  error?: ReactNode;
  required?: boolean;
  testId: string;
  label?: ReactNode;
}

export function VinField({ value, onChange, error, required, testId, label }: Props) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(value, 250);
  const [found, setFound] = useState<Lookup | null>(null);
  useEffect(() => {
    let live = true;
    if (!isValidVin(debounced)) {
      setFound(null);
      return;
    }
    void invoke('desk.vehicleLookup', { vin: debounced }).then((r) => {
      if (live && r.ok) setFound(r.value);
    });
    return () => {
      live = false;
    };
  }, [debounced]);
  const typed = value.trim();
  const invalid = typed !== '' && !isValidVin(typed);
  const current = found && found.vin === normalizeVin(typed) ? found : null;
  let hint: ReactNode = t('desk:vehicle.vinFormat');
  if (current?.vehicle) {
    hint = (
      <Text span size="xs" c="green" data-testid={`${testId}-known`}>
        {t('desk:vehicle.known', { model: current.vehicle.model ?? '—', owner: current.vehicle.ownerName ?? '—' })}
      </Text>
    );
  } else if (current && !current.vehicle) {
    hint = (
      <Text span size="xs" c="orange" data-testid={`${testId}-unknown`}>
        {t('desk:vehicle.unknownShort')}
      </Text>
    );
  }
  return (
    <TextInput
      label={label ?? t('desk:field.vin')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.toUpperCase())}
      maxLength={20}
      required={required}
      description={hint}
      error={error ?? (invalid ? t('errors:code.VIN_INVALID') : null)}
      data-testid={testId}
      styles={{ input: { fontFamily: 'monospace' } }}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
