// The keyboard shortcuts of the desk (listed in Help → Keyboard shortcuts, `help:help.shortcuts`).
// A single-key shortcut never fires while the user types in a field; one with Ctrl/⌘ does.
import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** `key` as KeyboardEvent.key ('/', 'n', 'ArrowRight'…), with optional 'mod+' (Ctrl or ⌘) and 'alt+' / 'shift+'. */
  keys: string[];
  run: (e: KeyboardEvent) => void;
  /** Off for a while (e.g. no next lead). */
  disabled?: boolean;
}

/** Is the user typing somewhere (input, textarea, select, contenteditable, an open listbox)? */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.getAttribute('role') === 'combobox';
}

function matches(e: KeyboardEvent, spec: string): boolean {
  const parts = spec.split('+');
  const key = parts.pop()!;
  const mod = parts.includes('mod');
  const alt = parts.includes('alt');
  const shift = parts.includes('shift');
  if (mod !== (e.ctrlKey || e.metaKey) || alt !== e.altKey) return false;
  // A printable key ('/', '?') is judged by the character it makes: the Shift it may need is not checked.
  if (key.length > 1 && shift !== e.shiftKey) return false;
  return e.key.toLowerCase() === key.toLowerCase();
}

/** Installs the shortcuts while the component is mounted (one window listener; the latest handlers are used). */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      for (const s of ref.current) {
        if (s.disabled) continue;
        const spec = s.keys.find((k) => matches(e, k));
        if (!spec) continue;
        const withModifier = /(^|\+)(mod|alt)\+/.test(spec);
        if (!withModifier && isTyping(e.target)) return;
        // A dialog is open: the page's shortcuts wait (the dialog has the keyboard).
        if (!withModifier && document.querySelector('[role="dialog"][aria-modal="true"]')) return;
        e.preventDefault();
        s.run(e);
        return;
      }
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);
}
