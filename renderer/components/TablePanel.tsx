import { Box } from '@chakra-ui/react';
import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * The panel around a wide table: scrolls sideways on narrow screens (tablets), and while it does,
 * it is a named region reachable with Tab so keyboard users can scroll it too (WCAG 2.1.1). When
 * the table fits, it adds no tab stop.
 */
export function TablePanel({
  label,
  bare = false,
  maxH,
  children,
}: {
  /** The region's name, e.g. the table's. */
  label: string;
  /** Without the panel's background and border (inside a card that has them). */
  bare?: boolean;
  /** A height past which the rows scroll (under a sticky header), e.g. "22rem". */
  maxH?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(ref);
  return (
    <Box
      ref={ref}
      overflowX="auto"
      {...(maxH ? { maxH, overflowY: 'auto' } : {})}
      {...(bare ? {} : { bg: 'bg.panel', borderWidth: '1px', borderRadius: 'lg' })}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </Box>
  );
}

function useScrollsSideways(ref: React.RefObject<HTMLDivElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  const check = useCallback(() => {
    const panel = ref.current;
    if (panel) setScrolls(panel.scrollWidth > panel.clientWidth + 1);
  }, [ref]);
  // The panel resizing (window, layout) and its content changing (each render) both matter.
  useLayoutEffect(check);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const observer = new ResizeObserver(check);
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [ref, check]);
  return scrolls;
}
