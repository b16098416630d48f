// A Mantine Badge written as the plain elements Badge renders — same classes, same CSS variables, worked out by the
// theme's own colour resolver — without a component each. A list page shows 150 badges: Badge's props, styles and
// context per badge were much of a cold start's render. Used by the status, SLA and next-step badges.
import { Badge, getRadius, type MantineTheme } from '@mantine/core';
import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

const ROOT = `aslm-badge ${Badge.classes.root} mantine-Badge-root`;
const LABEL = `aslm-badge-label ${Badge.classes.label} mantine-Badge-label`;

export interface PlainBadgeSpec {
  color: string;
  variant: 'light' | 'filled';
  radius?: 'xs' | 'sm' | 'md';
  /** Added to the badge's own style (e.g. flexShrink). */
  style?: CSSProperties;
}
type DataAttributes = { [k: `data-${string}`]: string | number | boolean | undefined };

const cache = new WeakMap<MantineTheme, Map<string, CSSProperties>>();

/** The CSS variables Badge sets for this colour and variant (computed once per theme, colour, variant, radius). */
export function badgeVars(theme: MantineTheme, { color, variant, radius }: PlainBadgeSpec): CSSProperties {
  let byTheme = cache.get(theme);
  if (!byTheme) cache.set(theme, (byTheme = new Map()));
  const key = `${color}|${variant}|${radius ?? ''}`;
  let vars = byTheme.get(key);
  if (!vars) {
    const c = theme.variantColorResolver({ color, theme, variant, autoContrast: undefined });
    vars = {
      ...(radius ? { '--badge-radius': getRadius(radius) } : {}),
      '--badge-bg': c.background,
      '--badge-color': c.color,
      '--badge-bd': c.border,
      textTransform: 'none',
    } as CSSProperties;
    byTheme.set(key, vars);
  }
  return vars;
}

export function plainBadge(
  theme: MantineTheme,
  spec: PlainBadgeSpec,
  children: ReactNode,
  attributes: DataAttributes & Pick<HTMLAttributes<HTMLDivElement>, 'onMouseEnter'> = {},
) {
  const vars = badgeVars(theme, spec);
  return (
    <div
      style={spec.style ? { ...vars, ...spec.style } : vars}
      className={ROOT}
      data-variant={spec.variant}
      {...attributes}
    >
      <span className={LABEL}>{children}</span>
    </div>
  );
}
