// The "Next step" column of a lead list: one call for the visible page (playbook.steps), a badge per row,
// and the "Due now" link to the whole desk's due steps (My day → the whole desk, due only).
import { Anchor, type MantineTheme } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { peekBoot } from '../../../app/boot';
import { invoke } from '../../../platform';
import { stepBadge } from '../StepBadge';

type Steps = Map<number, Output<'playbook.steps'>['steps'][number]>;

/** Next steps of the listed leads, refreshed when the ids (or the list's `at`) change. */
export function useNextSteps(ids: number[], at: number | null | undefined): Steps {
  // The first page's steps read at start-up (app/boot.ts): shown with the rows, no second render.
  const [steps, setSteps] = useState<Steps>(() => {
    const booted = ids.length > 0 ? peekBoot('playbook.steps', { ids }) : undefined;
    return new Map(booted?.steps.map((s) => [s.leadId, s]));
  });
  const skipFirst = useRef(steps.size > 0);
  const key = ids.join(',');
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    let live = true;
    if (ids.length === 0) {
      setSteps(new Map());
      return;
    }
    void invoke('playbook.steps', { ids }).then((r) => {
      if (live && r.ok) setSteps(new Map(r.value.steps.map((s) => [s.leadId, s])));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, at]);
  return steps;
}

export type NextStep = Output<'playbook.steps'>['steps'][number];

/** A row's cell, with the list's `t` (no translation hook per row). */
export function nextStepCell(step: NextStep | undefined, t: (key: string) => string, theme: MantineTheme) {
  return step ? stepBadge({ kind: step.step.kind, due: step.due }, t, theme) : null;
}

export function DueNowLink() {
  const { t } = useTranslation();
  return (
    <Anchor href="#/my-day?all=1&due=1" size="sm" underline="always" data-testid="list-due-now">
      {t('playbook:dueNow')}
    </Anchor>
  );
}
