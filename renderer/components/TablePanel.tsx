import { Box } from '@chakra-ui/react';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/**
 * The panel around a wide table: scrolls sideways on narrow screens (tablets), and while it does,
 * it is a named region reachable with Tab so keyboard users can scroll it too (WCAG 2.1.1). When
 * the table fits, it adds no tab stop.
 */
export function TablePanel({
  label,
  bare = false,
  children,
}: {
  /** The region's name, e.g. the table's. */
  label: string;
  /** Without the panel's background and border (inside a card that has them). */
  bare?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(ref);
  return (
    <Box
      ref={ref}
      overflowX="auto"
      {...(bare ? {} : { bg: 'bg.panel', borderWidth: '1px', borderRadius: 'lg' })}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </Box>
  );
}

function useScrollsSideways(ref: React.RefObject<HTMLDivElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const check = () => setScrolls(panel.scrollWidth > panel.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(panel);
    for (const child of panel.children) observer.observe(child);
    return () => observer.disconnect();
  });
  return scrolls;
}
