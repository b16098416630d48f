// The frame of every action dialog: title, an error that belongs to no field, the form, Cancel / Save.
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  opened: boolean;
  onClose(): void;
  onSubmit(): void;
  busy: boolean;
  error: string | null;
  children: ReactNode;
  testId: string;
  submitLabel?: string;
  size?: string;
}

export function DialogFrame({
  title,
  opened,
  onClose,
  onSubmit,
  busy,
  error,
  children,
  testId,
  submitLabel,
  size,
}: Props) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size ?? 'lg'}
      data-testid={testId}
      centered
      transitionProps={{ duration: 120 }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" data-testid={`${testId}-error`}>
              {error}
            </Alert>
          )}
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} data-testid={`${testId}-cancel`}>
              {t('desk:common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid={`${testId}-save`}>
              {submitLabel ?? t('desk:common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
