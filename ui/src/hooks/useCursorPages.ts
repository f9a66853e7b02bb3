import { useCallback, useState } from "react";

/**
 * Cursor paging with a stack: `cursor` is the current page's cursor (null: the
 * first page); `next(c)` pushes, `previous()` pops, `reset()` starts again.
 */
export function useCursorPages() {
  const [stack, setStack] = useState<(string | null)[]>([null]);
  const next = useCallback((cursor: string) => setStack((s) => [...s, cursor]), []);
  const previous = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback(() => setStack([null]), []);
  return { cursor: stack[stack.length - 1], page: stack.length, hasPrevious: stack.length > 1, next, previous, reset };
}
