// A Mantine Tooltip that is mounted when the pointer first comes over its target. A list page shows a badge or an
// icon with a tooltip on most of its rows, and a Tooltip's positioning hooks are much of a row's render cost on a
// cold start; the plain target costs nothing until someone points at it, and then behaves as a Tooltip.
import { Tooltip } from '@mantine/core';
import { cloneElement, useState, type MouseEvent, type ReactElement, type ReactNode } from 'react';

export function HoverTooltip({
  label,
  children,
}: {
  label: ReactNode;
  children: ReactElement<{ onMouseEnter?: (e: MouseEvent) => void }>;
}) {
  const [armed, setArmed] = useState(false);
  if (armed)
    return (
      <Tooltip label={label} defaultOpened>
        {children}
      </Tooltip>
    );
  return cloneElement(children, { onMouseEnter: () => setArmed(true) });
}
