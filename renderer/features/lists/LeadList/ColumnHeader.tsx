// A list column's header: the sort button and, on its right edge, a handle to resize the column (drag, or the
// arrow keys when focused); the width is saved when the drag ends.
import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ListColumn } from '../../../../shared/domain/listLayout';
import type { SortKey } from '../../../../shared/contract/leads';
import { COLUMN_DEFS } from './columns';
import { HoverTooltip } from '../../../components/HoverTooltip';

const clamp = (w: number) => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)));

export function ColumnHeader({
  column,
  width,
  sort,
  dir,
  onSort,
  onResize,
}: {
  column: ListColumn;
  width: number | undefined;
  sort: SortKey;
  dir: 'asc' | 'desc';
  onSort(key: SortKey): void;
  onResize(column: ListColumn, width: number): void;
}) {
  const { t } = useTranslation();
  const def = COLUMN_DEFS[column];
  const th = useRef<HTMLTableCellElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const w = dragging ?? width;
  // The width the separator announces (aria-valuenow): the chosen one, else the column's width as laid out.
  const [laidOut, setLaidOut] = useState(120);
  // Observed after layout (never a forced layout while the list renders).
  useEffect(() => {
    const el = th.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => {
      const r = e?.borderBoxSize?.[0]?.inlineSize ?? el.getBoundingClientRect().width;
      if (r) setLaidOut(clamp(r));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const label = t(def.label);
  const start = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const x0 = e.clientX;
    const w0 = th.current?.getBoundingClientRect().width ?? width ?? 120;
    let last = w0;
    const move = (ev: globalThis.PointerEvent) => {
      last = clamp(w0 + ev.clientX - x0);
      setDragging(last);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setDragging(null);
      onResize(column, clamp(last));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const cur = th.current?.getBoundingClientRect().width ?? width ?? 120;
    onResize(column, clamp(cur + (e.key === 'ArrowRight' ? 16 : -16)));
  };
  const title = def.short ? (
    <HoverTooltip label={label}>
      <Text fw={600} size="sm" aria-label={label} data-full-label={label}>
        {t(def.short)}
      </Text>
    </HoverTooltip>
  ) : (
    <Text fw={600} size="sm">
      {label}
    </Text>
  );
  const sorted = def.sort !== undefined && sort === def.sort;
  return (
    <Table.Th
      ref={th}
      data-column={column}
      aria-sort={sorted ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
      style={{ position: 'relative', ...(w ? { width: w, minWidth: w, maxWidth: w } : {}) }}
    >
      {def.sort ? (
        <UnstyledButton onClick={() => onSort(def.sort!)} data-testid={`sort-${def.sort}`}>
          <Group gap={4} wrap="nowrap">
            {title}
            {sorted ? (
              dir === 'asc' ? (
                <IconChevronUp size={14} style={{ flexShrink: 0 }} />
              ) : (
                <IconChevronDown size={14} style={{ flexShrink: 0 }} />
              )
            ) : (
              <IconSelector size={14} opacity={0.4} style={{ flexShrink: 0 }} />
            )}
          </Group>
        </UnstyledButton>
      ) : (
        title
      )}
      <div
        role="separator"
        aria-orientation="vertical"
        tabIndex={0}
        aria-label={t('lists:columns.resize', { column: label })}
        aria-valuenow={w ? clamp(w) : laidOut}
        aria-valuemin={MIN_COLUMN_WIDTH}
        aria-valuemax={MAX_COLUMN_WIDTH}
        data-testid={`resize-${column}`}
        onPointerDown={start}
        onKeyDown={key}
        style={{
          position: 'absolute',
          top: 0,
          right: 0,
          width: 6,
          height: '100%',
          cursor: 'col-resize',
          zIndex: 1,
          touchAction: 'none',
        }}
      />
    </Table.Th>
  );
}
