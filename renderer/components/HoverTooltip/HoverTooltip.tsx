// A Mantine Tooltip that is mounted when the pointer first comes over its target. A list page shows a badge or an
// icon with a tooltip on most of its rows, and a Tooltip's positioning hooks are much of a row's render cost on a
// cold start; the plain target costs nothing until someone points at it, and then behaves as a Tooltip.
// The target stays the same element when the tooltip mounts (the tooltip is its sibling, positioned on it): replacing
// it under the pointer lost a click whose press landed on the old element and whose release on the new one.
import { Tooltip } from '@mantine/core';
import { cloneElement, useRef, useState, type MouseEvent, type ReactElement, type ReactNode, type Ref } from 'react';

type TargetProps = {
  onMouseEnter?: (e: MouseEvent) => void;
  onMouseLeave?: (e: MouseEvent) => void;
  ref?: Ref<HTMLElement>;
};

export function HoverTooltip({
  label,
  disabled = false,
  children,
}: {
  label: ReactNode;
  /** Not shown while set (e.g. while the target's own dropdown is open). */
  disabled?: boolean;
  children: ReactElement<TargetProps>;
}) {
  const target = useRef<HTMLElement>(null);
  // null until first pointed at: no Tooltip (nor its positioning hooks) before that.
  const [over, setOver] = useState<boolean | null>(null);
  return (
    <>
      {cloneElement(children, {
        ref: target,
        onMouseEnter: (e: MouseEvent) => {
          setOver(true);
          children.props.onMouseEnter?.(e);
        },
        onMouseLeave: (e: MouseEvent) => {
          setOver(false);
          children.props.onMouseLeave?.(e);
        },
      })}
      {over !== null && <Tooltip label={label} target={target} opened={over && !disabled} />}
    </>
  );
}
