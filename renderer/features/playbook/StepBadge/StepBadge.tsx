// The next step as a small coloured badge (list column, My day).
import { useMantineTheme, type MantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StepKind } from '../../../../shared/rules/nextStep';
import { plainBadge } from '../../../components/PlainBadge';

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
  return stepBadge({ kind, due }, t, useMantineTheme());
}

/** The same badge with the caller's `t` and theme: a list renders hundreds of them without a hook each. */
const NO_SHRINK = { flexShrink: 0 } as const;

export function stepBadge(
  { kind, due }: { kind: StepKind; due?: boolean },
  t: (key: string) => string,
  theme: MantineTheme,
) {
  return plainBadge(
    theme,
    { color: COLOR[kind], variant: due ? 'filled' : 'light', style: NO_SHRINK },
    t(`playbook:kind.${kind}`),
    { 'data-testid': 'step-badge', 'data-kind': kind },
  );
}
