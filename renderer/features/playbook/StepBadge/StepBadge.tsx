// The next step as a small coloured badge (list column, My day).
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StepKind } from '../../../../shared/rules/nextStep';

const COLOR: Record<StepKind, string> = {
  call: 'blue',
  voicemail: 'indigo',
  callAgain: 'cyan',
  sendEmail: 'grape',
  qualify: 'teal',
  book: 'green',
  close: 'orange',
  none: 'gray',
};

export function StepBadge({ kind, due }: { kind: StepKind; due?: boolean }) {
  const { t } = useTranslation();
  return stepBadge({ kind, due }, t);
}

/** The same badge with the caller's `t`: a list renders hundreds of them without a translation hook each. */
export function stepBadge({ kind, due }: { kind: StepKind; due?: boolean }, t: (key: string) => string) {
  return (
    <Badge
      style={{ flexShrink: 0 }}
      tt="none"
      color={COLOR[kind]}
      variant={due ? 'filled' : 'light'}
      data-testid="step-badge"
      data-kind={kind}
    >
      {t(`playbook:kind.${kind}`)}
    </Badge>
  );
}
